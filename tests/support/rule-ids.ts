import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** A rule ID and the source line that emits it. */
export interface RuleIdUse {
  ruleId: string;
  where: string;
}

function sourceFiles(sourceDir: string): string[] {
  return readdirSync(sourceDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .map((name) => path.join(sourceDir, name));
}

/** Every text an expression can evaluate to, when the types say so; undefined when unknown. */
function possibleTexts(expression: ts.Expression, checker: ts.TypeChecker): string[] | undefined {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return [expression.text];
  }
  if (ts.isParenthesizedExpression(expression)) {
    return possibleTexts(expression.expression, checker);
  }
  if (ts.isConditionalExpression(expression)) {
    const whenTrue = possibleTexts(expression.whenTrue, checker);
    const whenFalse = possibleTexts(expression.whenFalse, checker);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
  }
  if (ts.isTemplateExpression(expression)) {
    let texts: string[] | undefined = [expression.head.text];
    for (const span of expression.templateSpans) {
      const values = literalValues(checker.getTypeAtLocation(span.expression));
      if (!values || !texts) return undefined;
      const before: string[] = texts;
      texts = before.flatMap((text) => values.map((value) => text + value + span.literal.text));
    }
    return texts;
  }
  return literalValues(checker.getTypeAtLocation(expression));
}

/** The values of a string literal type or a union of them (`TermKind`). */
function literalValues(type: ts.Type): string[] | undefined {
  const members = type.isUnion() ? type.types : [type];
  const values = members.map((member) => (member.isStringLiteral() ? member.value : undefined));
  return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
}

function isRuleIdParameter(node: ts.Node): boolean {
  return ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === "ruleId";
}

/** Whether the expression is a helper's own `ruleId` parameter, passed on: its callers are read. */
function isPassedOnParameter(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(expression)) return false;
  const declaration = checker.getSymbolAtLocation(expression)?.valueDeclaration;
  return declaration !== undefined && isRuleIdParameter(declaration);
}

/**
 * Reads every rule ID the code in `sourceDir` can emit, from the TypeScript itself: values
 * of `ruleId:` properties and arguments given to parameters named `ruleId`, with template
 * literals expanded by their types. An expression it cannot read is an error, so a rule
 * written in a new way cannot slip past the guide.
 */
export function ruleIdsIn(sourceDir: string): RuleIdUse[] {
  const program = ts.createProgram(sourceFiles(sourceDir), {
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const uses: RuleIdUse[] = [];

  const record = (expression: ts.Expression) => {
    if (isPassedOnParameter(expression, checker)) return;
    const source = expression.getSourceFile();
    const { line } = source.getLineAndCharacterOfPosition(expression.getStart());
    const where = `${path.relative(process.cwd(), source.fileName)}:${line + 1}`;
    const texts = possibleTexts(expression, checker);
    if (!texts) throw new Error(`cannot tell which rule IDs ${where} emits`);
    for (const ruleId of texts) uses.push({ ruleId, where });
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === "ruleId") {
      record(node.initializer);
    } else if (ts.isCallExpression(node)) {
      const parameters = checker.getResolvedSignature(node)?.getDeclaration()?.parameters ?? [];
      parameters.forEach((parameter, index) => {
        const argument = node.arguments[index];
        if (argument && isRuleIdParameter(parameter)) record(argument);
      });
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getRootFileNames()) {
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
  return uses;
}
