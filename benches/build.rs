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
//! - `schemes.rs`: `ServiceCode` and `NameCode`, 188-variant enums of the `service` and `name`
//!   code schemes, one variant per catalogue row (its status and message), with their codes in
//!   `SERVICE_CODES` and `NAME_CODES`; and `ManyNameCode`, 1,200 `name` codes (the rows again and
//!   again), more than the one-load table takes, for the agreement check of the larger lookup.
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
    write(out, "schemes.rs", &schemes_rs(&rows));
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

/// A `service` code per row, in the shapes Huawei Cloud's services use: four digits (`APIGW.0101`),
/// dotted groups (`CCI.02.409101`), eight digits (`CCE.01400001`); and a `name` code per row, its
/// message in upper snake case (`THE_IMAGE_DOES_NOT`), numbered where two would be equal.
fn schemes_rs(rows: &[Row]) -> String {
    const SERVICES: [&str; 7] = ["APIGW", "IAM", "Ecs", "CCE_CM", "CCI", "SWR", "APIG"];
    let service: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let name = SERVICES[i % SERVICES.len()];
            match i % 4 {
                0 | 1 => format!("{name}.{i:04}"),
                2 => format!("{name}.02.{}{i:03}", row.status),
                _ => format!("{name}.0{}{i:04}", row.status),
            }
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for row in rows {
        let words: Vec<String> = row
            .message
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .take(4)
            .map(str::to_ascii_uppercase)
            .collect();
        let mut name = words.join("_");
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            name.insert_str(0, "E_");
        }
        if names.contains(&name) {
            name = format!("{name}_{}", names.len());
        }
        names.push(name);
    }
    let many: Vec<String> = (0..1_200)
        .map(|i| format!("{}_{i}", names[i % names.len()]))
        .collect();
    let mut out = String::new();
    for (enum_name, scheme, codes) in [
        ("ServiceCode", "service", &service),
        ("NameCode", "name", &names),
        ("ManyNameCode", "name", &many),
    ] {
        writeln!(
            out,
            "/// The catalogue's rows under `{scheme}` codes.\n\
             #[derive(Debug, Clone, Copy, PartialEq, Eq, ::swr_errors::SwrError)]\n\
             #[swr(codes = {scheme:?})]\n\
             pub enum {enum_name} {{"
        )
        .unwrap();
        for (i, (row, code)) in rows.iter().cycle().zip(codes.iter()).enumerate() {
            writeln!(
                out,
                "    #[swr(code = {code:?}, status = {}, message = {:?})]\n    C{i},",
                row.status, row.message
            )
            .unwrap();
        }
        out.push_str("}\n\n");
        writeln!(
            out,
            "/// The codes of `{enum_name}`, in table order.\n\
             pub static {}_CODES: [&str; {}] = {codes:?};\n",
            enum_name
                .trim_end_matches("Code")
                .replace("ManyName", "MANY_NAME")
                .to_ascii_uppercase(),
            codes.len()
        )
        .unwrap();
    }
    out
}
