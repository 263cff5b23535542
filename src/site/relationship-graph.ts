import type { Term } from "../taxonomy/term.ts";
import type { TermRelations } from "../taxonomy/term-relations.ts";
import type { TermKind } from "../urls.ts";

/** A term in the graph, placed: templates draw it as a link around a circle and a label. */
export interface GraphNode {
  name: string;
  url: string;
  kind: TermKind;
  /** 0: the company of the page; 1: its partners; 2: the partners' other companies. */
  ring: 0 | 1 | 2;
  /** The link's accessible name and tooltip. */
  title: string;
  x: number;
  y: number;
  radius: number;
  label: { x: number; y: number; anchor: "start" | "middle" | "end" };
}

export interface GraphEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One partner in the text alternative: the same relations the picture draws. */
export interface GraphListEntry {
  partner: { name: string; url: string; count: number };
  companies: Array<{ name: string; url: string; count: number }>;
  /** Companies of this partner the graph leaves out. */
  moreCompanies: number;
}

export interface RelationshipGraph {
  title: string;
  /** The drawing's box, cropped to its nodes and labels so it fills its space on any screen. */
  minX: number;
  minY: number;
  width: number;
  height: number;
  edges: GraphEdge[];
  nodes: GraphNode[];
  list: GraphListEntry[];
  /** Partners the graph leaves out. */
  morePartners: number;
}

export interface GraphLimits {
  partners: number;
  companiesPerPartner: number;
}

export const GRAPH_LIMITS: GraphLimits = { partners: 12, companiesPerPartner: 3 };

// Wide enough for labels left and right of the outer circle.
const WIDTH = 880;
const HEIGHT = 640;
const CENTRE = { x: WIDTH / 2, y: HEIGHT / 2 };
const RING_RADIUS = [0, 140, 250] as const;
const NODE_RADIUS = [26, 16, 11] as const;
const LABEL_GAP = 6;
/** Labels are drawn at 14 units; a character is about 8 units wide, a line about 16 high. */
const LABEL_CHARACTER_WIDTH = 8;
const LABEL_ASCENT = 13;
const LABEL_DESCENT = 4;
const MARGIN = 8;

/** The smallest box holding every node and label, with a margin. */
function drawingBox(nodes: readonly GraphNode[]) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const node of nodes) {
    xs.push(node.x - node.radius, node.x + node.radius);
    ys.push(node.y - node.radius, node.y + node.radius);
    const labelWidth = node.name.length * LABEL_CHARACTER_WIDTH;
    const left = { start: 0, middle: labelWidth / 2, end: labelWidth }[node.label.anchor];
    xs.push(node.label.x - left, node.label.x - left + labelWidth);
    ys.push(node.label.y - LABEL_ASCENT, node.label.y + LABEL_DESCENT);
  }
  const minX = Math.max(0, Math.min(...xs) - MARGIN);
  const minY = Math.max(0, Math.min(...ys) - MARGIN);
  return {
    minX: round(minX),
    minY: round(minY),
    width: round(Math.min(WIDTH, Math.max(...xs) + MARGIN) - minX),
    height: round(Math.min(HEIGHT, Math.max(...ys) + MARGIN) - minY),
  };
}

/** One decimal: the same layout prints the same bytes in every build. */
const round = (value: number) => Math.round(value * 10) / 10;

const plural = (count: number) => `${count} article${count === 1 ? "" : "s"}`;

function place(term: Term, ring: 0 | 1 | 2, angle: number, title: string): GraphNode {
  const radius = NODE_RADIUS[ring];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const x = CENTRE.x + RING_RADIUS[ring] * cos;
  const y = CENTRE.y + RING_RADIUS[ring] * sin;
  // Labels sit outside the node, away from the centre; the centre's label sits below it.
  const outward = ring === 0 ? { cos: 0, sin: 1 } : { cos, sin };
  const distance = radius + LABEL_GAP;
  const anchor = outward.cos > 0.3 ? "start" : outward.cos < -0.3 ? "end" : "middle";
  // Text hangs from its baseline: below a node, move it down by about a line's height.
  const baselineShift = outward.sin > 0.3 ? 12 : outward.sin < -0.3 ? 0 : 4;
  return {
    name: term.name,
    url: term.url,
    kind: term.kind,
    ring,
    title,
    x: round(x),
    y: round(y),
    radius,
    label: {
      x: round(x + distance * outward.cos),
      y: round(y + distance * outward.sin + baselineShift),
      anchor,
    },
  };
}

/** Angle of the i-th of n places on a circle, starting at the top, clockwise. */
const angleOf = (i: number, n: number, offset = 0) =>
  -Math.PI / 2 + (2 * Math.PI * (i + offset)) / n;

/**
 * The company at the centre, its partners on a circle, and the partners' other companies on
 * an outer circle, in the order of their article counts. Deterministic: the same relations
 * give the same picture. A company another partner shares is drawn once, with an edge from
 * each. Without partners there is nothing to draw.
 */
export function relationshipGraph(
  company: Term,
  relations: TermRelations,
  limits: GraphLimits = GRAPH_LIMITS,
): RelationshipGraph | undefined {
  const partners = relations.get(company) ?? [];
  if (partners.length === 0) return undefined;
  const shown = partners.slice(0, limits.partners);

  const list: GraphListEntry[] = shown.map(({ term: partner, count }) => {
    const others = (relations.get(partner) ?? []).filter((other) => other.term !== company);
    return {
      partner: { name: partner.name, url: partner.url, count },
      companies: others
        .slice(0, limits.companiesPerPartner)
        .map((other) => ({ name: other.term.name, url: other.term.url, count: other.count })),
      moreCompanies: Math.max(0, others.length - limits.companiesPerPartner),
    };
  });

  const centre = place(
    company,
    0,
    0,
    `${company.name}: company, ${plural(company.articles.length)}`,
  );
  const partnerNodes = shown.map(({ term, count }, i) =>
    place(
      term,
      1,
      angleOf(i, shown.length),
      `${term.name}: partner, ${plural(count)} with ${company.name}`,
    ),
  );

  // Outer companies in partner order, each once, spread evenly so each stays near its partner.
  const outerTerms: Term[] = [];
  const outerTitles = new Map<Term, string>();
  const links: Array<[number, Term]> = [];
  shown.forEach(({ term: partner }, i) => {
    const others = (relations.get(partner) ?? []).filter((other) => other.term !== company);
    for (const other of others.slice(0, limits.companiesPerPartner)) {
      if (!outerTitles.has(other.term)) {
        outerTerms.push(other.term);
        outerTitles.set(
          other.term,
          `${other.term.name}: company, ${plural(other.count)} with ${partner.name}`,
        );
      }
      links.push([i, other.term]);
    }
  });
  // Shifts the outer circle so each partner's companies centre on that partner's angle.
  const halfSector = (outerTerms.length / shown.length - 1) / 2;
  const outerNodes = outerTerms.map((term, j) =>
    place(term, 2, angleOf(j, outerTerms.length, -halfSector), outerTitles.get(term) ?? term.name),
  );
  const outerByTerm = new Map(outerTerms.map((term, j) => [term, outerNodes[j]]));

  const edge = (from: { x: number; y: number }, to: { x: number; y: number }): GraphEdge => ({
    x1: from.x,
    y1: from.y,
    x2: to.x,
    y2: to.y,
  });
  const edges = [
    ...partnerNodes.map((node) => edge(centre, node)),
    ...links.flatMap(([i, term]) => {
      const from = partnerNodes[i];
      const to = outerByTerm.get(term);
      return from && to ? [edge(from, to)] : [];
    }),
  ];

  const nodes = [centre, ...partnerNodes, ...outerNodes];
  return {
    title: `${company.name}, its partners and the other companies they work with`,
    ...drawingBox(nodes),
    edges,
    nodes,
    list,
    morePartners: partners.length - shown.length,
  };
}
