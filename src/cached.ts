/**
 * A pure function of text arguments, answering repeated questions from memory. Dates repeat
 * across thousands of articles (a few days a week, a few zones and languages a site), and
 * each fresh answer costs calls into `Intl` that take far longer than a lookup.
 */
export function cached<A extends readonly string[], R>(
  compute: (...args: A) => R,
): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args: A) => {
    const key = args.join("\u0000");
    if (answers.has(key)) return answers.get(key) as R;
    const answer = compute(...args);
    answers.set(key, answer);
    return answer;
  };
}
