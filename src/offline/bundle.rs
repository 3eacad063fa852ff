//! Joins a theme's ES modules into one classic script.
//!
//! Browsers load no module scripts from `file://` (the page's origin is opaque), so a site built
//! with `--relative` cannot use the theme's search modules as they are. This joins them into one
//! script: each module becomes a function scope whose exports are returned in an object, and an
//! `import { a, b as c } from "./x.js";` becomes `var a = m1.a, c = m1.b;`. Modules run once, in
//! dependency order, before the modules that import them — as the browser runs them.
//!
//! Only the forms the theme uses are understood, and anything else is reported, never guessed:
//! an import is one line `import { names } from "./relative.js";`, an export is a declaration
//! `export function|const|let|var|class name`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A problem in a module: (path, line, message).
pub type Problem = (String, usize, String);

struct Module {
    /// Lines with imports removed and `export ` dropped.
    code: Vec<String>,
    /// (local name, imported name, module path)
    imports: Vec<(String, String, String)>,
    exports: Vec<String>,
}

/// The classic script made of `entry` and the modules it imports; `sources` maps each module's
/// path (`js/zoeken/start.js`) to its text.
pub fn bundle(entry: &str, sources: &BTreeMap<String, String>) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut order: Vec<String> = Vec::new();
    let mut modules: BTreeMap<String, Module> = BTreeMap::new();
    // Depth-first: a module after every module it imports.
    let mut stack: Vec<(String, bool)> = vec![(entry.to_string(), false)];
    let mut visiting: Vec<String> = Vec::new();
    while let Some((path, done)) = stack.pop() {
        if done {
            visiting.retain(|p| p != &path);
            order.push(path);
            continue;
        }
        if order.contains(&path) {
            continue;
        }
        if visiting.contains(&path) {
            problems.push((
                path.clone(),
                1,
                "modules import each other in a cycle".into(),
            ));
            continue;
        }
        let Some(text) = sources.get(&path) else {
            problems.push((path.clone(), 1, "imported module not found".into()));
            continue;
        };
        let m = parse(&path, text, &mut problems);
        visiting.push(path.clone());
        stack.push((path.clone(), true));
        for (_, _, dep) in m.imports.iter().rev() {
            if !order.contains(dep) {
                stack.push((dep.clone(), false));
            }
        }
        modules.insert(path, m);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let var = |path: &str| format!("m{}", order.iter().position(|p| p == path).unwrap_or(0));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Made by svdk from the ES modules of {entry} and those it imports, as one classic\n\
         // script for a site opened from a folder (file://), where browsers load no modules.\n\
         (function () {{\n\"use strict\";"
    );
    for path in &order {
        let m = &modules[path];
        let _ = writeln!(out, "// {path}\nvar {} = (function () {{", var(path));
        for (local, name, dep) in &m.imports {
            let exported = modules.get(dep).is_some_and(|d| d.exports.contains(name));
            if !exported {
                problems.push((
                    path.clone(),
                    1,
                    format!("'{name}' is not exported by {dep}"),
                ));
            }
            let _ = writeln!(out, "var {local} = {}.{name};", var(dep));
        }
        for line in &m.code {
            out.push_str(line);
            out.push('\n');
        }
        let exports: Vec<String> = m.exports.iter().map(|e| format!("{e}: {e}")).collect();
        let _ = writeln!(out, "return {{ {} }};\n}})();", exports.join(", "));
    }
    out.push_str("})();\n");
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn parse(path: &str, text: &str, problems: &mut Vec<Problem>) -> Module {
    let mut m = Module {
        code: Vec::new(),
        imports: Vec::new(),
        exports: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if let Some(rest) = line.strip_prefix("import ") {
            match parse_import(rest) {
                Some((names, from)) => match resolve(path, &from) {
                    Some(dep) => {
                        for (local, name) in names {
                            m.imports.push((local, name, dep.clone()));
                        }
                    }
                    None => problems.push((
                        path.to_string(),
                        n,
                        format!("import from '{from}': only relative paths (./x.js) are supported"),
                    )),
                },
                None => problems.push((
                    path.to_string(),
                    n,
                    "unsupported import: write `import { a, b } from \"./x.js\";` on one line"
                        .into(),
                )),
            }
            // Keep line numbers of error messages close to the module's own.
            m.code.push(String::new());
            continue;
        }
        if let Some(rest) = line.strip_prefix("export ") {
            let mut words = rest.split(|c: char| c.is_whitespace() || c == '(' || c == '=');
            let kind = words.next().unwrap_or("");
            let name = words.find(|w| !w.is_empty()).unwrap_or("");
            let is_name = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
            if matches!(kind, "function" | "const" | "let" | "var" | "class") && is_name {
                m.exports.push(name.to_string());
                m.code.push(rest.to_string());
            } else {
                problems.push((
                    path.to_string(),
                    n,
                    "unsupported export: write `export function name` or `export const name`"
                        .into(),
                ));
            }
            continue;
        }
        m.code.push(line.to_string());
    }
    m
}

/// `{ a, b as c } from "./x.js";` → ([(a, a), (c, b)], "./x.js").
fn parse_import(rest: &str) -> Option<(Vec<(String, String)>, String)> {
    let rest = rest.trim().strip_prefix('{')?;
    let (names, rest) = rest.split_once('}')?;
    let from = rest.trim().strip_prefix("from")?.trim();
    let from = from.strip_suffix(';').unwrap_or(from).trim();
    let quote = from.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let from = from.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = Vec::new();
    for part in names.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, local) = match part.split_once(" as ") {
            Some((n, l)) => (n.trim(), l.trim()),
            None => (part, part),
        };
        out.push((local.to_string(), name.to_string()));
    }
    Some((out, from.to_string()))
}

/// The path of `spec` (`./x.js`, `../y/z.js`) imported by the module at `from`.
fn resolve(from: &str, spec: &str) -> Option<String> {
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in spec.split('/') {
        match seg {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(files: &[(&str, &str)]) -> BTreeMap<String, String> {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn joins_modules_in_dependency_order_each_in_its_own_scope() {
        let s = sources(&[
            (
                "js/a/start.js",
                "import { twice, NAME as naam } from \"./b.js\";\nimport { helper } from './sub/c.js';\nwindow.out = twice(2) + naam + helper();",
            ),
            (
                "js/a/b.js",
                "import { helper } from \"./sub/c.js\";\nvar local = 1;\nexport function twice(x) {\n  return x * 2 + local - 1;\n}\nexport const NAME = \"b\" + helper();",
            ),
            (
                "js/a/sub/c.js",
                "var local = 5;\nexport function helper() { return local; }",
            ),
        ]);
        let js = bundle("js/a/start.js", &s).unwrap();
        let c = js.find("// js/a/sub/c.js").unwrap();
        let b = js.find("// js/a/b.js").unwrap();
        let start = js.find("// js/a/start.js").unwrap();
        assert!(c < b && b < start, "{js}");
        assert_eq!(js.matches("// js/a/sub/c.js").count(), 1, "c once");
        assert!(
            js.contains("var twice = m1.twice;\nvar naam = m1.NAME;"),
            "{js}"
        );
        assert!(js.contains("return { twice: twice, NAME: NAME };"), "{js}");
        assert!(!js.contains("export ") && !js.contains("import "), "{js}");
        // Both modules' own `local` stay apart: each module is a function scope.
        assert_eq!(js.matches("var local").count(), 2);
        assert_eq!(js.matches("(function () {").count(), 4);
        assert_eq!(js.matches("})();").count(), 4);
    }

    #[test]
    fn reports_what_it_does_not_understand() {
        let s = sources(&[
            (
                "js/start.js",
                "import x from \"./b.js\";\nimport { y } from \"lodash\";\nimport { z } from \"./b.js\";\nexport default 3;",
            ),
            ("js/b.js", "export function w() {}"),
        ]);
        let e = bundle("js/start.js", &s).unwrap_err();
        let lines: Vec<(usize, &str)> = e.iter().map(|(_, n, m)| (*n, m.as_str())).collect();
        assert!(
            lines
                .iter()
                .any(|(n, m)| *n == 1 && m.contains("unsupported import")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(n, m)| *n == 2 && m.contains("only relative")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(n, m)| *n == 4 && m.contains("unsupported export")),
            "{lines:?}"
        );
        let e = bundle(
            "js/start.js",
            &sources(&[("js/start.js", "import { z } from \"./b.js\";")]),
        )
        .unwrap_err();
        assert!(e[0].2.contains("not found"), "{e:?}");
        let cyc = sources(&[
            (
                "js/a.js",
                "import { b } from \"./b.js\";\nexport const a = 1;",
            ),
            (
                "js/b.js",
                "import { a } from \"./a.js\";\nexport const b = 2;",
            ),
        ]);
        assert!(bundle("js/a.js", &cyc).unwrap_err()[0].2.contains("cycle"));
        let missing = sources(&[
            ("js/a.js", "import { nope } from \"./b.js\";"),
            ("js/b.js", "export const b = 2;"),
        ]);
        assert!(
            bundle("js/a.js", &missing).unwrap_err()[0]
                .2
                .contains("'nope' is not exported")
        );
    }
}
