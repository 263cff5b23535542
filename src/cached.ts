/** The answers remembered under one argument: those of the calls that end here, and the deeper levels. */
interface AnswerLevel<R> {
  answers: Map<string, R>;
  next: Map<string, AnswerLevel<R>>;
}

const newLevel = <R>(): AnswerLevel<R> => ({ answers: new Map(), next: new Map() });

/**
 * A pure function of text arguments, answering repeated questions from memory. Dates repeat
 * across thousands of articles (a few days a week, a few zones and languages a site), and
 * each fresh answer costs calls into `Intl` that take far longer than a lookup. Answers are
 * found argument by argument, so a lookup builds no key text of its own.
 */
export function cached<A extends readonly string[], R>(
  compute: (...args: A) => R,
): (...args: A) => R {
  const root = newLevel<R>();
  return (...args: A) => {
    let level = root;
    for (let position = 0; position < args.length - 1; position++) {
      const argument = args[position] as string;
      let next = level.next.get(argument);
      if (!next) {
        next = newLevel<R>();
        level.next.set(argument, next);
      }
      level = next;
    }
    const last = args[args.length - 1] as string;
    if (level.answers.has(last)) return level.answers.get(last) as R;
    const answer = compute(...args);
    level.answers.set(last, answer);
    return answer;
  };
}

/**
 * A function of one object that computes its answer once per object, for a caller that asks
 * about the same articles or lists many times within one build. Kept only as long as the
 * caller keeps it, so nothing outlives the build.
 */
export function onceEach<K extends object, R>(compute: (key: K) => R): (key: K) => R {
  const answers = new Map<K, R>();
  return (key: K) => {
    if (answers.has(key)) return answers.get(key) as R;
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}
