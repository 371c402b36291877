// The TypeScript dumper of the agreement test (README.md here).
//
//   node dump.js [CLASS...] < queries > answers
//
// Compiled by ts.sh, as dump.ts, beside the module statusgen --emit
// typescript made, copied as reg.ts; answers each query with the module's
// functions.  CLASS...: the registry's class names in lower case
// (is<Class>).  Needs no @types/node: the little of process it uses is
// declared here.
import * as reg from "./reg.js";

declare const process: {
  argv: string[];
  stdin: {
    setEncoding(encoding: string): void;
    on(event: string, listener: (chunk?: string) => void): void;
  };
  stdout: { write(text: string): boolean };
  stderr: { write(text: string): boolean };
  exitCode: number | undefined;
};

function unescape(field: string): string {
  let out = "";
  for (let i = 0; i < field.length; i++) {
    const c = field.charAt(i);
    const next = field.charAt(i + 1);
    if (c === "\\" && next === "\\") {
      out += "\\";
      i++;
    } else if (c === "\\" && next === "t") {
      out += "\t";
      i++;
    } else if (c === "\\" && next === "n") {
      out += "\n";
      i++;
    } else if (c === "\\" && next === "x") {
      out += String.fromCharCode(parseInt(field.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      out += c;
    }
  }
  return out;
}

function answerStr(s: string | undefined): string {
  if (s === undefined) return "null";
  let out = '"';
  for (const c of s) {
    const u = c.charCodeAt(0);
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (c === "\t") out += "\\t";
    else if (u < 0x20 || u === 0x7f)
      out += "\\x" + u.toString(16).toUpperCase().padStart(2, "0");
    else out += c;
  }
  return out + '"';
}

// is<Class> as the generator names it: each word of the class name
// capitalised, the underscore kept before a word that starts with a digit.
function classTest(name: string): (code: number) => boolean {
  const words = name.split("_");
  let fn = "is";
  words.forEach((w, k) => {
    if (k > 0 && /^[0-9]/.test(w)) fn += "_";
    fn += w.charAt(0).toUpperCase() + w.slice(1);
  });
  const f: unknown = (reg as Record<string, unknown>)[fn];
  if (typeof f !== "function") throw new Error("the module has no " + fn);
  return f as (code: number) => boolean;
}

// What the module exports, by name: fromReason and the fields' functions
// are there only for some registries.
const exported = reg as Record<string, unknown>;

// The words a field's function gets a trailing "_" after, as the module's
// comment says: reserved words of JavaScript in strict mode code and
// modules, TypeScript's enum, arguments, eval and undefined.
const reserved = new Set([
  "arguments", "await", "break", "case", "catch", "class", "const",
  "continue", "debugger", "default", "delete", "do", "else", "enum", "eval",
  "export", "extends", "false", "finally", "for", "function", "if",
  "implements", "import", "in", "instanceof", "interface", "let", "new",
  "null", "package", "private", "protected", "public", "return", "static",
  "super", "switch", "this", "throw", "true", "try", "typeof", "undefined",
  "var", "void", "while", "with", "yield",
]);

// The function of the field named field (lower_snake): camelCase, escaped.
function fieldFunction(field: string): (code: number, lang?: string) => unknown {
  let fn = field.replace(/_([a-z0-9])/g, (_m, c: string) =>
    /[0-9]/.test(c) ? "_" + c : c.toUpperCase());
  if (reserved.has(fn)) fn += "_";
  const f = exported[fn];
  if (typeof f !== "function") throw new Error("the module has no " + fn + " for the field " + field);
  return f as (code: number, lang?: string) => unknown;
}

function answerValue(v: unknown): string {
  if (v === undefined || typeof v === "string") return answerStr(v);
  if (typeof v === "boolean") return bit(v);
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  return JSON.stringify(v) + " (not a string, boolean or integer)";
}

function bit(b: boolean): string {
  return b ? "1" : "0";
}

// Whether the queries ask fromReason: the module must have it exactly then
// (a registry with phrases: false has none, as in C).
let askedReason = false;

function answer(fields: string[], tests: ((code: number) => boolean)[]): string {
  const kind = fields[0];
  const n = Number(fields[1]);
  if (kind === "code") {
    return (
      `known=${bit(reg.isKnown(n))} reason=${answerStr(reg.reason(n))}` +
      ` name=${answerStr(reg.nameOf(n))} class=${reg.classOf(n)}` +
      ` traits=${reg.traits(n)} status=${reg.statusOf(n)}` +
      ` reference=${answerStr(reg.reference(n))} error=${bit(reg.isError(n))}` +
      ` is=${tests.map((t) => bit(t(n))).join(",")}`
    );
  }
  if (kind === "desc") {
    const lang = unescape(fields[2] ?? "");
    return answerStr(lang === "-" ? reg.description(n) : reg.description(n, lang));
  }
  if (kind === "from_name") {
    return String(reg.fromName(unescape(fields[1] ?? "")) ?? -1);
  }
  if (kind === "from_reason") {
    askedReason = true;
    const fromReason = exported["fromReason"];
    if (typeof fromReason !== "function") throw new Error("the module has no fromReason");
    return String((fromReason as (s: string) => number | undefined)(unescape(fields[1] ?? "")) ?? -1);
  }
  if (kind === "field") {
    const f = fieldFunction(fields[1] ?? "");
    const code = Number(fields[2]);
    const lang = fields[3] === undefined ? "-" : unescape(fields[3]);
    return answerValue(lang === "-" ? f(code) : f(code, lang));
  }
  throw new Error("an unknown query: " + fields.join("\t"));
}

const tests = process.argv.slice(2).map(classTest);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk ?? "";
});
process.stdin.on("end", () => {
  const lines = input.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const out = lines.map((line) => line + "\t" + answer(line.split("\t"), tests) + "\n");
  process.stdout.write(out.join(""));
  const has = typeof exported["fromReason"] === "function";
  if (has !== askedReason) {
    process.stderr.write(`dump_ts: fromReason is ${has ? "there" : "missing"}, but the queries ` +
      (askedReason ? "ask it\n" : "do not (phrases: false)\n"));
    process.exitCode = 3;
  }
});
