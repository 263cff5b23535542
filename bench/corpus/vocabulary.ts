/** Word lists for synthetic news text: plain English words, so Markdown sees ordinary prose. */

export const SUBJECTS = [
  "the company",
  "the carmaker",
  "the plant",
  "the ministry",
  "the dealer network",
  "the board",
  "the regulator",
  "the joint venture",
  "the supplier",
  "the market",
  "the group",
  "the design team",
  "the factory",
  "the distributor",
  "the press office",
] as const;

export const VERBS = [
  "announced",
  "confirmed",
  "postponed",
  "expanded",
  "reviewed",
  "negotiated",
  "localized",
  "reported",
  "suspended",
  "resumed",
  "doubled",
  "planned",
  "delivered",
  "tested",
  "priced",
  "recalled",
  "launched",
  "assembled",
] as const;

export const OBJECTS = [
  "a new assembly line",
  "its export plans",
  "the spring price list",
  "deliveries to regional dealers",
  "a second shift at the plant",
  "the crossover lineup",
  "local production of engines",
  "talks with component suppliers",
  "the warranty terms",
  "a fleet of electric taxis",
  "the quarterly sales figures",
  "a recall of early units",
  "a research centre",
  "new safety equipment",
  "the service network",
  "a battery supply deal",
] as const;

export const DETAILS = [
  "according to people familiar with the matter",
  "ahead of the summer season",
  "after months of delays",
  "despite weaker demand",
  "for the first time since the spring",
  "as parts shortages eased",
  "in line with earlier guidance",
  "while prices kept rising",
  "at a ceremony in the capital",
  "to meet new emission rules",
  "under the current agreement",
  "before the end of the quarter",
] as const;

export const HEADINGS = [
  "What it means for buyers",
  "Background",
  "Production plans",
  "Prices and availability",
  "What the analysts say",
  "Next steps",
  "The market in numbers",
  "Suppliers and partners",
  "Reaction from dealers",
  "Timeline",
] as const;

export const SOURCES = [
  "TASS",
  "Interfax",
  "Reuters",
  "Autostat",
  "Kommersant",
  "RBC",
  "Vedomosti",
  "Autonews",
  "Drom",
  "Gazeta",
] as const;

export const BODY_TYPES = ["crossover", "sedan", "hatchback", "pickup", "van", "SUV"] as const;

export const COUNTRIES = ["China", "Russia", "Japan", "Korea", "Germany", "France", "India"];

/** Syllables for made-up names: pronounceable, and varied enough to keep names distinct. */
export const SYLLABLES = [
  "ka",
  "ro",
  "vel",
  "tan",
  "mir",
  "so",
  "lex",
  "da",
  "gor",
  "ni",
  "zar",
  "pel",
  "tu",
  "bra",
  "kin",
  "ol",
  "ves",
  "ma",
  "tor",
  "li",
  "dan",
  "quo",
  "ser",
  "ya",
] as const;

export const MODEL_SUFFIXES = ["", "", "", " Pro", " Sport", " Max", " Plus", " EV"] as const;
