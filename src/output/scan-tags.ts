import { decodeHTMLAttribute } from "entities";

/**
 * The tags of an HTML page, as htmlparser2's `Parser` (HTML mode, entities decoded, names
 * lower-cased) reports them to `onopentag` and `onclosetag`, without reading the text between
 * them: the completeness check reads thousands of pages for their links, and a full tokeniser
 * spends most of its time on text it throws away.
 *
 * Everything that decides where a tag starts and ends is kept as htmlparser2 has it, so the
 * two agree on any input: comments (`<!-- -->`, `<!…>`, `<?…>`, CDATA) and the text of
 * `script`, `style`, `title`, `textarea`, `iframe`, `noembed`, `noframes`, `xmp` and
 * `plaintext` hide the tags written in them; attribute values may be double-, single- or
 * unquoted, hold `>`, span lines and carry entities, decoded as in an attribute; the first of
 * two attributes of one name wins. So is the tree the parser keeps to close tags it implies
 * (`<li>` closes an open `<li>`, `</ol>` the `<li>`s inside it), void elements, a second
 * `<form>` (ignored), `</p>` and `</br>` without an opening tag, and SVG and MathML, inside
 * which `/>` closes a tag and `<title>` is an ordinary one.
 * `tests/output/scan-tags.test.ts` compares the two on tricky snippets, random pages of HTML
 * syntax and a built site.
 */

export interface TagHandler {
  /** An opening tag, once its `>` is read: `attributes` by lower-cased name, values decoded. */
  onopentag(name: string, attributes: Record<string, string>): void;
  /** A closing tag, written or implied (by another tag, or by the end of the page). */
  onclosetag(name: string): void;
}

enum Char {
  Tab = 0x09,
  NewLine = 0x0a,
  FormFeed = 0x0c,
  CarriageReturn = 0x0d,
  Space = 0x20,
  ExclamationMark = 0x21,
  DoubleQuote = 0x22,
  Amp = 0x26,
  SingleQuote = 0x27,
  Dash = 0x2d,
  Slash = 0x2f,
  Lt = 0x3c,
  Eq = 0x3d,
  Gt = 0x3e,
  QuestionMark = 0x3f,
}

function isWhitespace(c: number): boolean {
  return (
    c === Char.Space ||
    c === Char.NewLine ||
    c === Char.Tab ||
    c === Char.FormFeed ||
    c === Char.CarriageReturn
  );
}

function isEndOfTagSection(c: number): boolean {
  return c === Char.Slash || c === Char.Gt || isWhitespace(c);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Elements whose content is text up to their closing tag; `title` and `textarea` decode entities in it. */
const TEXT_ONLY = new Set([
  "iframe",
  "noembed",
  "noframes",
  "plaintext",
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
]);

// The tables below are htmlparser2's (`Parser.ts`), which the scan must follow tag for tag.
const pTag = new Set(["p"]);
const headingTags = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const formTags = new Set([
  "input",
  "option",
  "optgroup",
  "select",
  "button",
  "datalist",
  "textarea",
]);
const tableSectionTags = new Set(["thead", "tbody"]);
const ddtTags = new Set(["dd", "dt"]);
const rtpTags = new Set(["rt", "rp"]);

/** Opening one of these closes the open elements named with it, innermost first. */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["a", new Set(["a"])],
  ["li", new Set(["li"])],
  ["p", pTag],
  ["h1", headingTags],
  ["h2", headingTags],
  ["h3", headingTags],
  ["h4", headingTags],
  ["h5", headingTags],
  ["h6", headingTags],
  ["select", formTags],
  ["input", formTags],
  ["output", formTags],
  ["button", formTags],
  ["datalist", formTags],
  ["textarea", formTags],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", ddtTags],
  ["dt", ddtTags],
  ...[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "pre",
    "section",
    "table",
    "ul",
  ].map((name): [string, ReadonlySet<string>] => [name, pTag]),
  ["rt", rtpTags],
  ["rp", rtpTags],
  ["tbody", tableSectionTags],
  ["tfoot", tableSectionTags],
]);

const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const FOREIGN_CONTEXT_ELEMENTS = new Set(["math", "svg"]);

/** Elements inside SVG or MathML whose content is HTML again, in SVG's casing. */
const HTML_INTEGRATION_ELEMENTS = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignObject",
  "desc",
  "title",
]);

const SVG_TAG_NAMES = new Map(
  [
    "altGlyph",
    "altGlyphDef",
    "altGlyphItem",
    "animateColor",
    "animateMotion",
    "animateTransform",
    "clipPath",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feImage",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
    "foreignObject",
    "glyphRef",
    "linearGradient",
    "radialGradient",
    "textPath",
  ].map((name) => [name.toLowerCase(), name]),
);

/**
 * `html.slice(start, end).toLowerCase()`, without the call when no character needs it: on a
 * page with any non-Latin-1 text, every slice is a two-byte string, which `toLowerCase` takes
 * the slow way.
 */
function lowerCaseSlice(html: string, start: number, end: number): string {
  for (let index = start; index < end; index++) {
    const c = html.charCodeAt(index);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return html.slice(start, end).toLowerCase();
  }
  return html.slice(start, end);
}

function setAttribute(
  attributes: Record<string, string> | null,
  name: string,
  value: string,
): void {
  if (attributes && !Object.hasOwn(attributes, name)) attributes[name] = value;
}

function decoded(value: string): string {
  return value.includes("&") ? decodeHTMLAttribute(value) : value;
}

enum Context {
  Html,
  Svg,
  MathML,
}

/** The end of a comment: `-->`, or `--!>`. */
const COMMENT_END = /--!?>/g;

/** One reading of one page, with the tree of open elements it keeps: see `scanTags`. */
class TagScanner {
  private readonly length: number;
  /** The lengths of the names in `only`. */
  private readonly onlyLengths: ReadonlySet<number>;
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** Whether the innermost element that decides it is SVG, MathML or HTML; innermost last. */
  private readonly contexts: Context[] = [Context.Html];
  private tagName = "";
  private attributes: Record<string, string> | null = null;

  constructor(
    private readonly html: string,
    private readonly handler: TagHandler,
    private readonly only: ReadonlySet<string> | undefined,
  ) {
    this.length = html.length;
    this.onlyLengths = new Set([...(only ?? [])].map((name) => name.length));
  }

  scan(): void {
    let index = 0;
    while (index < this.length) {
      const lt = this.html.indexOf("<", index);
      if (lt === -1) break;
      const next = lt + 1;
      if (next >= this.length) break;
      const c = this.html.charCodeAt(next);
      if (c === Char.ExclamationMark) index = this.skipDeclaration(lt);
      else if (c === Char.QuestionMark) index = this.afterGt(next + 1);
      else if (isAsciiAlpha(c)) index = this.openTag(next);
      else if (c === Char.Slash) index = this.closingTag(next + 1);
      else index = next;
    }
    for (let open = this.stack.length - 1; open >= 0; open--)
      this.handler.onclosetag(this.stack[open] as string);
  }

  private inForeignContext(): boolean {
    return this.contexts[this.contexts.length - 1] !== Context.Html;
  }

  /** The name the parser gives a tag whose written name, lower-cased, is `name`. */
  private readTagName(name: string): string {
    if (this.contexts[this.contexts.length - 1] === Context.Svg)
      return SVG_TAG_NAMES.get(name) ?? name;
    if (this.contexts.length > 1) {
      const adjusted = SVG_TAG_NAMES.get(name);
      if (adjusted !== undefined && this.stack.includes(adjusted)) return adjusted;
    }
    if (!this.inForeignContext()) return name === "image" ? "img" : name;
    return name;
  }

  private popElement() {
    const element = this.stack.pop() as string;
    if (FOREIGN_CONTEXT_ELEMENTS.has(element) || HTML_INTEGRATION_ELEMENTS.has(element)) {
      this.contexts.pop();
    }
    this.handler.onclosetag(element);
  }

  private emitOpenTag(name: string) {
    this.tagName = name;
    if (name === "form" && this.stack.includes("form")) {
      this.tagName = "";
      this.attributes = null;
      return;
    }
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      while (
        this.stack.length > 0 &&
        impliesClose.has(this.stack[this.stack.length - 1] as string)
      ) {
        this.popElement();
      }
    }
    if (!VOID_ELEMENTS.has(name)) {
      this.stack.push(name);
      if (name === "svg") this.contexts.push(Context.Svg);
      else if (name === "math") this.contexts.push(Context.MathML);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.contexts.push(Context.Html);
    }
    this.attributes = {};
  }

  private endOpenTag() {
    if (this.attributes) {
      this.handler.onopentag(this.tagName, this.attributes);
      this.attributes = null;
    }
    if (VOID_ELEMENTS.has(this.tagName)) this.handler.onclosetag(this.tagName);
    this.tagName = "";
  }

  private closeCurrentTag() {
    const name = this.tagName;
    this.endOpenTag();
    if (this.stack[this.stack.length - 1] === name) this.popElement();
  }

  /** A closing tag whose name is written from `start` to `end`. */
  private closeTag(start: number, end: number) {
    const name = this.readTagName(lowerCaseSlice(this.html, start, end));
    if (!VOID_ELEMENTS.has(name)) {
      const position = this.stack.lastIndexOf(name);
      if (position !== -1) {
        while (this.stack.length > position) this.popElement();
      } else if (name === "p") {
        this.emitOpenTag("p");
        this.closeCurrentTag();
      }
    } else if (name === "br") {
      this.handler.onopentag("br", {});
      this.handler.onclosetag("br");
    }
  }

  /** Where the text after the next `>` at or after `from` starts; the end when there is none. */
  private afterGt(from: number): number {
    const gt = this.html.indexOf(">", from);
    return gt === -1 ? this.length : gt + 1;
  }

  /** `<!` at `start`: a comment, CDATA, a doctype or a bogus comment. Returns where text resumes. */
  private skipDeclaration(start: number): number {
    const first = start + 2;
    if (
      this.html.charCodeAt(first) === Char.Dash &&
      this.html.charCodeAt(first + 1) === Char.Dash
    ) {
      const body = first + 2;
      // `<!-->` and `<!--->` are comments closed as soon as they open.
      if (this.html.charCodeAt(body) === Char.Gt) return body + 1;
      if (this.html.charCodeAt(body) === Char.Dash && this.html.charCodeAt(body + 1) === Char.Gt) {
        return body + 2;
      }
      COMMENT_END.lastIndex = body;
      const end = COMMENT_END.exec(this.html);
      return end ? end.index + end[0].length : this.length;
    }
    if (this.html.startsWith("[CDATA[", first)) {
      const end = this.html.indexOf("]]>", first + 7);
      return end === -1 ? this.length : end + 3;
    }
    return this.afterGt(first);
  }

  /** The text of a text-this.only element, from `start` to its closing tag, which is reported. */
  private skipText(start: number, name: string): number {
    const sequence = `</${name}`;
    const decodes = name === "title" || name === "textarea";
    let matched = 0;
    for (let index = start; index < this.length; index++) {
      const c = this.html.charCodeAt(index);
      if (matched === sequence.length) {
        if (isEndOfTagSection(c)) {
          this.closeTag(index - sequence.length + 2, index);
          return this.afterGt(index);
        }
        matched = 0;
      }
      // As htmlparser2 compares, `c | 0x20`: ASCII letters match in either case.
      if ((c | 0x20) === sequence.charCodeAt(matched)) matched += 1;
      else if (matched === 0) {
        if (!decodes) {
          const lt = this.html.indexOf("<", index + 1);
          if (lt === -1) return this.length;
          index = lt;
          matched = 1;
        }
      } else matched = c === Char.Lt ? 1 : 0;
    }
    return this.length;
  }

  /** Ends the opening tag `lowerCased` at the `>` at `gt` and returns where its content starts. */
  private enterBody(
    gt: number,
    selfClosing: boolean,
    lowerCased: string,
    textOnly: boolean,
  ): number {
    if (selfClosing && this.inForeignContext()) this.closeCurrentTag();
    else this.endOpenTag();
    if (!textOnly) return gt + 1;
    return lowerCased === "plaintext" ? this.length : this.skipText(gt + 1, lowerCased);
  }

  /** An opening tag whose name starts at `start`, after `<`. Returns where text resumes. */
  private openTag(start: number): number {
    let index = start + 1;
    while (index < this.length && !isEndOfTagSection(this.html.charCodeAt(index))) index++;
    if (index >= this.length) return this.length;
    const lowerCased = lowerCaseSlice(this.html, start, index);
    const textOnly = !this.inForeignContext() && TEXT_ONLY.has(lowerCased);
    this.emitOpenTag(this.readTagName(lowerCased));

    while (index < this.length) {
      const c = this.html.charCodeAt(index);
      if (c === Char.Gt) return this.enterBody(index, false, lowerCased, textOnly);
      if (c === Char.Slash) {
        // `/` before `>` marks the tag self-closing; anywhere else it this.only separates.
        index++;
        while (index < this.length && isWhitespace(this.html.charCodeAt(index))) index++;
        if (index >= this.length) return this.length;
        if (this.html.charCodeAt(index) === Char.Gt)
          return this.enterBody(index, true, lowerCased, textOnly);
        continue;
      }
      if (isWhitespace(c)) {
        index++;
        continue;
      }
      // An attribute name: its first character may be anything but those above, `=` included.
      const nameStart = index;
      index++;
      while (index < this.length) {
        const d = this.html.charCodeAt(index);
        if (d === Char.Eq || isEndOfTagSection(d)) break;
        index++;
      }
      if (index >= this.length) return this.length;
      // Only a name as long as a wanted one can be wanted (lower-casing keeps the length of
      // every name that lower-cases to ASCII): the others, `class` first, are not even cut out.
      const name =
        this.only === undefined || this.onlyLengths.has(index - nameStart)
          ? lowerCaseSlice(this.html, nameStart, index)
          : "";
      const wanted = this.only === undefined || this.only.has(name);
      while (index < this.length && isWhitespace(this.html.charCodeAt(index))) index++;
      if (index >= this.length) return this.length;
      if (this.html.charCodeAt(index) !== Char.Eq) {
        if (wanted) setAttribute(this.attributes, name, "");
        continue;
      }
      index++;
      while (index < this.length && isWhitespace(this.html.charCodeAt(index))) index++;
      if (index >= this.length) return this.length;
      const quote = this.html.charCodeAt(index);
      if (quote === Char.DoubleQuote || quote === Char.SingleQuote) {
        const end = this.html.indexOf(quote === Char.DoubleQuote ? '"' : "'", index + 1);
        if (end === -1) return this.length;
        if (wanted) setAttribute(this.attributes, name, decoded(this.html.slice(index + 1, end)));
        index = end + 1;
        continue;
      }
      const valueStart = index;
      while (index < this.length) {
        const d = this.html.charCodeAt(index);
        if (d === Char.Gt || isWhitespace(d)) break;
        index++;
      }
      if (index >= this.length) return this.length;
      if (wanted) setAttribute(this.attributes, name, decoded(this.html.slice(valueStart, index)));
    }
    return this.length;
  }

  /** `</` before `start`. Returns where text resumes. */
  private closingTag(start: number): number {
    if (start >= this.length) return this.length;
    const c = this.html.charCodeAt(start);
    if (c === Char.Gt) return start + 1;
    if (!isAsciiAlpha(c)) return this.afterGt(start);
    let end = start + 1;
    while (end < this.length && !isEndOfTagSection(this.html.charCodeAt(end))) end++;
    if (end >= this.length) return this.length;
    this.closeTag(start, end);
    return this.afterGt(end);
  }
}

/**
 * Reads `html` and reports its tags to `handler`, in the order htmlparser2 does. With `only`,
 * the attributes reported are those of these (lower-case) names: the others are read past
 * without being decoded or kept, which is most of the scan's work on a page.
 */
export function scanTags(html: string, handler: TagHandler, only?: ReadonlySet<string>): void {
  // A class rather than closures: tsx names every function it creates, which costs a
  // property definition for each closure made per tag.
  new TagScanner(html, handler, only).scan();
}
