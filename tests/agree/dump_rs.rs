// dump_rs.rs - the Rust dumper of the agreement test (AGREE.md): reads
// the queries on standard input and prints, for each, the query, a TAB
// and what the generated Rust module answers, in the C dumper's format.
//
// Built by dump_rs.sh with rustc (edition 2021) against one registry:
// the file named by the SG_AGREE_GLUE environment variable at build time
// holds `mod reg` (the generated module, include!d), `class_tests`,
// the module's is_<class> functions in spec order, and what
// fields_glue.py --rust writes: `answer_field`, the declared fields'
// accessors by name, and `from_reason` (none in a registry without wire
// phrases).  Besides answering, it checks the enum's own API against the
// free functions (Display, FromStr, TryFrom, From, the fields' methods)
// and stops with status 3 when they differ.
#![forbid(unsafe_code)]
#![deny(warnings)]

use std::fmt::Display;
use std::io::{self, BufRead, Write};
use std::str::FromStr;

include!(env!("SG_AGREE_GLUE"));

/// f(n) when n is a value of f's code type, else `unknown` (a u16 API
/// cannot be asked about 65536: no such code exists for it).
fn with_code<C: TryFrom<i64>, R>(f: impl Fn(C) -> R, n: i64, unknown: R) -> R {
    match C::try_from(n) {
        Ok(c) => f(c),
        Err(_) => unknown,
    }
}

/// Undoes a query field's escapes (\\, \t, \n, \xHH).
fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' && i + 1 < s.len() {
            match s[i + 1] {
                b'\\' => {
                    out.push(b'\\');
                    i += 2;
                    continue;
                }
                b't' => {
                    out.push(b'\t');
                    i += 2;
                    continue;
                }
                b'n' => {
                    out.push(b'\n');
                    i += 2;
                    continue;
                }
                b'x' if i + 3 < s.len() => {
                    let hex = std::str::from_utf8(&s[i + 2..i + 4]).unwrap_or("");
                    if let Ok(b) = u8::from_str_radix(hex, 16) {
                        out.push(b);
                        i += 4;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// An answer string: null, or quoted with its escapes.
fn put_str(out: &mut Vec<u8>, s: Option<&str>) {
    let s = match s {
        Some(s) => s,
        None => {
            out.extend_from_slice(b"null");
            return;
        }
    };
    out.push(b'"');
    for &c in s.as_bytes() {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c < 0x20 || c == 0x7f => {
                out.extend_from_slice(format!("\\x{:02X}", c).as_bytes())
            }
            c => out.push(c),
        }
    }
    out.push(b'"');
}

/// Stops the dump: the module contradicts itself.
fn inconsistent(what: &str, n: &dyn Display) -> ! {
    eprintln!("dump_rs: {} disagrees with the free functions for {}", what, n);
    std::process::exit(3);
}

/// The enum's view of code n: TryFrom, From, Display.  `from_name` and
/// `reason` only name the enum type and the code type.
fn check_enum<T, C>(
    _from_name: fn(&str) -> Option<T>,
    _reason: fn(C) -> Option<&'static str>,
    n: i64,
    phrase: Option<&str>,
) where
    T: TryFrom<C> + Into<C> + Display + Copy,
    C: Copy + PartialEq + Display + TryFrom<i64>,
{
    let n = match C::try_from(n) {
        Ok(n) => n,
        Err(_) => return,
    };
    match (T::try_from(n), phrase) {
        (Ok(t), Some(p)) => {
            if t.into() != n {
                inconsistent("From", &n);
            }
            if t.to_string() != format!("{} {}", n, p) {
                inconsistent("Display", &n);
            }
        }
        (Err(_), None) => {}
        _ => inconsistent("TryFrom", &n),
    }
}

/// str::parse of the enum type that `from_name` returns.
fn parse_as<T: FromStr>(_from_name: fn(&str) -> Option<T>, s: &str) -> Option<T> {
    s.parse().ok()
}

fn answer_code(out: &mut Vec<u8>, n: i64) {
    let phrase = with_code(reg::reason, n, None);
    let known = with_code(reg::is_known, n, false);
    out.extend_from_slice(format!("known={} reason=", known as i32).as_bytes());
    put_str(out, phrase);
    out.extend_from_slice(b" name=");
    put_str(out, with_code(reg::name, n, None));
    let class = with_code(|c| reg::class_of(c) as i32, n, 0);
    let traits = with_code(|c| reg::traits(c).bits(), n, 0);
    let status = with_code(|c| reg::status_of(c).map_or(0, |s| s as i32), n, 0);
    out.extend_from_slice(
        format!(" class={} traits={} status={} reference=", class, traits, status).as_bytes(),
    );
    put_str(out, with_code(reg::reference, n, None));
    let error = with_code(reg::is_error, n, false);
    out.extend_from_slice(format!(" error={} is=", error as i32).as_bytes());
    let tests: Vec<String> = class_tests(n)
        .iter()
        .map(|&b| (b as i32).to_string())
        .collect();
    out.extend_from_slice(tests.join(",").as_bytes());
    check_enum(reg::from_name, reg::reason, n, phrase);
}

fn main() {
    let classes: Vec<String> = std::env::args().skip(1).collect();
    if classes != CLASSES {
        eprintln!("dump_rs: built for the classes {:?}, run for {:?}", CLASSES, classes);
        std::process::exit(2);
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("dump_rs: {}", e);
                std::process::exit(2);
            }
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        let fields: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        out.extend_from_slice(&line);
        out.push(b'\t');
        let arg = unescape(fields.get(1).copied().unwrap_or(b""));
        // Names, phrases and languages of a spec are UTF-8; a query that
        // is not cannot be a &str and matches nothing.
        let text = std::str::from_utf8(&arg).ok();
        let number = || text.and_then(|t| t.parse::<i64>().ok()).unwrap_or(-1);
        match fields[0] {
            b"code" => answer_code(&mut out, number()),
            b"desc" if fields.len() == 3 => {
                let lang = unescape(fields[2]);
                let lang = if lang == b"-" {
                    None
                } else {
                    Some(String::from_utf8_lossy(&lang).into_owned())
                };
                let d = with_code(|c| reg::description(c, lang.as_deref()), number(), None);
                put_str(&mut out, d);
            }
            b"from_name" => {
                let found = text.and_then(reg::from_name);
                if text.and_then(|t| parse_as(reg::from_name, t)) != found {
                    inconsistent("FromStr", &String::from_utf8_lossy(&arg));
                }
                let code = found.map_or(-1, |c| i64::from(c.code()));
                out.extend_from_slice(code.to_string().as_bytes());
            }
            b"from_reason" => {
                let code = text.map_or(-1, from_reason);
                out.extend_from_slice(code.to_string().as_bytes());
            }
            b"field" if fields.len() >= 3 => {
                let field = text.unwrap_or("");
                let n = std::str::from_utf8(fields[2])
                    .ok()
                    .and_then(|t| t.parse::<i64>().ok())
                    .unwrap_or(-1);
                let lang = fields.get(3).map(|l| unescape(l));
                let lang = match lang.as_deref() {
                    None | Some(b"-") => None,
                    Some(l) => Some(String::from_utf8_lossy(l).into_owned()),
                };
                if !answer_field(&mut out, field, n, lang.as_deref()) {
                    eprintln!("dump_rs: no field {}", field);
                    std::process::exit(2);
                }
            }
            _ => {
                eprintln!("dump_rs: an unknown query: {}", String::from_utf8_lossy(&line));
                std::process::exit(2);
            }
        }
        out.push(b'\n');
    }
    let stdout = io::stdout();
    let mut w = stdout.lock();
    if w.write_all(&out).and_then(|_| w.flush()).is_err() {
        std::process::exit(2);
    }
}
