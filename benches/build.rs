//! Generates, from the catalogue's data file, the alternatives the benchmarks in `benches/`
//! compare `swr-errors` against: what a user would write without it. Everything goes to
//! `OUT_DIR`; nothing generated is committed.
//!
//! - `rows.rs`: `ROWS`, the 188 `(code, status, message)` rows, in table order;
//! - `phf.rs`: `PHF`, a `phf::Map` from code to `SwrCode`, built by `phf::phf_map!`;
//! - `strum.rs`: `StrumCode`, a 188-variant enum deriving strum's `EnumString` (a `match` on the
//!   string), with hand-written `match` accessors `code`, `status` and `message`;
//! - `detailed.rs`: `Detailed`, the same 188 codes as a `#[derive(SwrError)]` enum whose variants
//!   carry a `#[swr(detail)]` field, so that body writing can be measured with a detail.
//!
//! The library itself needs none of this: the script uses std only, so it costs the package's
//! other builds (tests, examples) next to nothing.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const CATALOGUE: &str = "../swr-errors/tests/data/catalogue.tsv";

struct Row {
    code: String,
    status: u16,
    message: String,
}

fn main() {
    println!("cargo:rerun-if-changed={CATALOGUE}");
    println!("cargo:rerun-if-changed=build.rs");

    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set by cargo");
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let text = fs::read_to_string(Path::new(&manifest_dir).join(CATALOGUE))
        .unwrap_or_else(|err| panic!("reading {CATALOGUE}: {err}"));
    let rows = parse(&text);
    assert_eq!(rows.len(), 188, "{CATALOGUE} has 188 rows");

    let out = Path::new(&out_dir);
    write(out, "rows.rs", &rows_rs(&rows));
    write(out, "phf.rs", &phf_rs(&rows));
    write(out, "strum.rs", &strum_rs(&rows));
    write(out, "detailed.rs", &detailed_rs(&rows));
}

fn parse(text: &str) -> Vec<Row> {
    text.lines()
        .skip(1) // header: code, status, message
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || {
                fields
                    .next()
                    .unwrap_or_else(|| panic!("short row: {line:?}"))
            };
            let code = next().to_owned();
            let status = next()
                .parse()
                .unwrap_or_else(|err| panic!("bad status in {line:?}: {err}"));
            let message = next().to_owned();
            Row {
                code,
                status,
                message,
            }
        })
        .collect()
}

fn write(dir: &Path, name: &str, contents: &str) {
    fs::write(dir.join(name), contents).unwrap_or_else(|err| panic!("writing {name}: {err}"));
}

fn rows_rs(rows: &[Row]) -> String {
    let mut out = format!(
        "/// The catalogue's rows: code, status, message.\n\
         pub static ROWS: [(&str, u16, &str); {}] = [\n",
        rows.len()
    );
    for row in rows {
        writeln!(
            out,
            "    ({:?}, {}, {:?}),",
            row.code, row.status, row.message
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

/// The values are `SwrCode::ALL[i]`, evaluated at compile time: the map yields the variant itself,
/// as a user's own map would. The benchmarks check that row `i` is `SwrCode::ALL[i]`.
fn phf_rs(rows: &[Row]) -> String {
    let mut out = String::from(
        "/// Code to variant, a perfect-hash map built at compile time by `phf_map!`.\n\
         pub static PHF: ::phf::Map<&'static str, SwrCode> = ::phf::phf_map! {\n",
    );
    for (i, row) in rows.iter().enumerate() {
        writeln!(out, "    {:?} => SwrCode::ALL[{i}],", row.code).unwrap();
    }
    out.push_str("};\n");
    out
}

fn strum_rs(rows: &[Row]) -> String {
    let mut out = String::from(
        "/// The catalogue as a user would write it with strum: `FromStr` is a `match` on the\n\
         /// string, the accessors are hand-written `match`es.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, ::strum::EnumString)]\n\
         pub enum StrumCode {\n",
    );
    for (i, row) in rows.iter().enumerate() {
        writeln!(out, "    #[strum(serialize = {:?})]\n    C{i},", row.code).unwrap();
    }
    out.push_str("}\n\n");

    writeln!(
        out,
        "/// Every variant, in table order.\npub static STRUM_ALL: [StrumCode; {}] = [",
        rows.len()
    )
    .unwrap();
    for i in 0..rows.len() {
        writeln!(out, "    StrumCode::C{i},").unwrap();
    }
    out.push_str("];\n\nimpl StrumCode {\n");
    let accessor = |out: &mut String, name: &str, ty: &str, value: &dyn Fn(&Row) -> String| {
        writeln!(
            out,
            "    pub fn {name}(self) -> {ty} {{\n        match self {{"
        )
        .unwrap();
        for (i, row) in rows.iter().enumerate() {
            writeln!(out, "            StrumCode::C{i} => {},", value(row)).unwrap();
        }
        out.push_str("        }\n    }\n\n");
    };
    accessor(&mut out, "code", "&'static str", &|row| {
        format!("{:?}", row.code)
    });
    accessor(&mut out, "status", "u16", &|row| row.status.to_string());
    accessor(&mut out, "message", "&'static str", &|row| {
        format!("{:?}", row.message)
    });
    out.push_str("}\n");
    out
}

fn detailed_rs(rows: &[Row]) -> String {
    let mut out = String::from(
        "/// The catalogue's codes as a service's own enum, each variant with a detail field.\n\
         #[derive(Debug, ::swr_errors::SwrError)]\n\
         pub enum Detailed {\n",
    );
    for (i, row) in rows.iter().enumerate() {
        assert!(
            !row.message.contains(['{', '}']),
            "message of {} would read as a template",
            row.code
        );
        writeln!(
            out,
            "    #[swr(code = {:?}, status = {}, message = {:?})]\n    \
             C{i} {{ #[swr(detail)] detail: &'static str }},",
            row.code, row.status, row.message
        )
        .unwrap();
    }
    out.push_str("}\n\n");
    writeln!(
        out,
        "/// Every variant, in table order, with `detail` as its detail.\n\
         pub fn detailed_all(detail: &'static str) -> [Detailed; {}] {{\n    [",
        rows.len()
    )
    .unwrap();
    for i in 0..rows.len() {
        writeln!(out, "        Detailed::C{i} {{ detail }},").unwrap();
    }
    out.push_str("    ]\n}\n");
    out
}
