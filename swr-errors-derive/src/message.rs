//! The `message = "..."` template: literal text and `{field}` / `{0}` placeholders.
//!
//! The syntax is `format!`'s, restricted to what a message needs: a placeholder names a field of
//! the variant (`{tag}` or `{0}`) and may carry a format spec (`{size:>8}`); `{{` and `}}` are
//! literal braces. Positional `{}` is rejected, since a message has no argument list.

/// A parsed message.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Template {
    pub pieces: Vec<Piece>,
}

/// A run of literal text or one placeholder.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    Field { field: FieldRef, spec: String },
}

/// The field a placeholder names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FieldRef {
    Named(String),
    Index(usize),
}

impl std::fmt::Display for FieldRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldRef::Named(name) => f.write_str(name),
            FieldRef::Index(index) => write!(f, "{index}"),
        }
    }
}

impl Template {
    /// Parses `text`, pushing onto `problems` what is wrong with it: every malformed
    /// placeholder and stray brace, not only the first. The template holds the well-formed
    /// pieces, so the fields it reads can still be checked against the variant's.
    pub(crate) fn parse(text: &str, problems: &mut Vec<String>) -> Template {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|(_, c)| *c) == Some('{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().map(|(_, c)| *c) == Some('}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => problems
                    .push("unmatched `}` in message; write `}}` for a literal brace".to_owned()),
                '{' => {
                    let mut inner = String::new();
                    let mut closed = false;
                    for (_, c) in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        inner.push(c);
                    }
                    if !closed {
                        problems.push(
                            "unclosed `{` in message; write `{{` for a literal brace".to_owned(),
                        );
                        break;
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    match placeholder(&inner) {
                        Ok(piece) => pieces.push(piece),
                        Err(why) => problems.push(why),
                    }
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Template { pieces }
    }

    /// The fields the message reads, each once, in order of first use.
    pub(crate) fn fields(&self) -> Vec<&FieldRef> {
        let mut fields: Vec<&FieldRef> = Vec::new();
        for piece in &self.pieces {
            if let Piece::Field { field, .. } = piece {
                if !fields.contains(&field) {
                    fields.push(field);
                }
            }
        }
        fields
    }

    /// The text of a message without placeholders; `None` when it reads fields.
    pub(crate) fn as_static(&self) -> Option<String> {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(run) => text.push_str(run),
                Piece::Field { .. } => return None,
            }
        }
        Some(text)
    }

    /// A `format!` string with each placeholder renamed by `arg_name`, braces escaped again.
    pub(crate) fn format_string(&self, arg_name: impl Fn(&FieldRef) -> String) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(run) => out.push_str(&run.replace('{', "{{").replace('}', "}}")),
                Piece::Field { field, spec } => {
                    out.push('{');
                    out.push_str(&arg_name(field));
                    if !spec.is_empty() {
                        out.push(':');
                        out.push_str(spec);
                    }
                    out.push('}');
                }
            }
        }
        out
    }
}

fn placeholder(inner: &str) -> Result<Piece, String> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), spec.to_owned()),
        None => (inner.trim(), String::new()),
    };
    // `{r#type}` names the field `r#type`, as `{type}` does.
    let bare = crate::names::unraw(name);
    let name = if is_identifier(bare) { bare } else { name };
    let field = if name.is_empty() {
        return Err(format!(
            "`{{{inner}}}` in a message needs a field name, such as `{{0}}` or `{{name}}`: \
             a message has no positional arguments"
        ));
    } else if name.bytes().all(|b| b.is_ascii_digit()) {
        match name.parse() {
            Ok(index) => FieldRef::Index(index),
            Err(_) => return Err(format!("`{{{name}}}` is not a field index")),
        }
    } else if is_identifier(name) {
        FieldRef::Named(name.to_owned())
    } else {
        return Err(format!(
            "`{{{inner}}}` in a message must name a field, such as `{{0}}` or `{{name}}`"
        ));
    };
    check_spec(inner, &spec)?;
    Ok(Piece::Field { field, spec })
}

/// Checks a format spec against `format!`'s grammar, as far as a message can use it:
/// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`, width and precision as numbers.
/// rustc would reject a bad spec too, but in the generated format string, whose renamed fields
/// shift every offset: its error would point at the wrong characters of the message.
fn check_spec(inner: &str, spec: &str) -> Result<(), String> {
    let chars: Vec<char> = spec.chars().collect();
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '^' | '>'));
    // Past `[[fill]align]`: a fill character may be anything, `$` and `*` included.
    let mut i = if is_align(chars.get(1)) {
        2
    } else {
        usize::from(is_align(chars.first()))
    };
    if chars[i..].iter().any(|c| matches!(c, '$' | '*')) {
        return Err(format!(
            "`{{{inner}}}`: a message's width and precision must be numbers, such as `{{size:>8}}` \
             or `{{ratio:.2}}`; `$` and `*` read other arguments, which a message does not have"
        ));
    }
    for flag in [&['+', '-'][..], &['#'], &['0']] {
        if chars.get(i).is_some_and(|c| flag.contains(c)) {
            i += 1;
        }
    }
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(format!(
                "`{{{inner}}}`: `.` in a format spec needs a precision, such as `{{ratio:.2}}`"
            ));
        }
    }
    let kind: String = chars[i..].iter().collect();
    match kind.as_str() {
        "" | "?" | "x?" | "X?" | "x" | "X" | "o" | "b" | "e" | "E" | "p" => Ok(()),
        _ => Err(format!(
            "`{{{inner}}}` has a malformed format spec at `{kind}`: expected \
             `[[fill]align][sign][#][0][width][.precision][type]`, such as `{{size:>8}}`, with a \
             type of `?`, `x`, `X`, `o`, `b`, `e`, `E`, `p` or none (Display)"
        )),
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::{FieldRef, Piece, Template};

    /// `text` parsed, with no problem found.
    fn parse(text: &str) -> Template {
        let mut problems = Vec::new();
        let template = Template::parse(text, &mut problems);
        assert!(problems.is_empty(), "{text:?}: {problems:?}");
        template
    }

    #[test]
    fn splits_text_and_fields() {
        let template = parse("Invalid tag {tag} for {0:>4}, {{literal}}");
        assert_eq!(
            template.pieces,
            vec![
                Piece::Text("Invalid tag ".into()),
                Piece::Field {
                    field: FieldRef::Named("tag".into()),
                    spec: String::new()
                },
                Piece::Text(" for ".into()),
                Piece::Field {
                    field: FieldRef::Index(0),
                    spec: ">4".into()
                },
                Piece::Text(", {literal}".into()),
            ]
        );
        assert_eq!(template.as_static(), None);
        assert_eq!(
            template.format_string(|field| format!("f_{field}")),
            "Invalid tag {f_tag} for {f_0:>4}, {{literal}}"
        );
    }

    #[test]
    fn static_messages_unescape_braces() {
        let template = parse("Use {{ and }} freely");
        assert_eq!(template.as_static().as_deref(), Some("Use { and } freely"));
        assert!(template.fields().is_empty());
    }

    #[test]
    fn fields_are_listed_once() {
        let template = parse("{a}{b}{a}");
        let names: Vec<String> = template.fields().iter().map(|f| f.to_string()).collect();
        assert_eq!(names, ["a", "b"]);
    }

    #[test]
    fn accepts_format_specs() {
        let every_spec = "{a:>8}{a:<8}{a:^8}{a:*^8}{a:0>8}{a::>8}{a:+}{a:#x}{a:08.3}{a:.3}{a:?}\
                          {a:#?}{a:x?}{a:X?}{a:e}{a:E}{a:o}{a:b}{a:p}{a:-^10}{a: >4}{r#type:?}";
        let template = parse(every_spec);
        let names: Vec<String> = template.fields().iter().map(|f| f.to_string()).collect();
        assert_eq!(names, ["a", "type"]);
    }

    #[test]
    fn rejects_malformed_templates() {
        for bad in [
            "{",
            "}",
            "a {b",
            "a } b",
            "{}",
            "{a-b}",
            "{ :x}",
            "{a:z}",
            "{a:>8z}",
            "{a:.}",
            "{a:1$}",
            "{a:.*}",
            "{a:>width$}",
            "{a:x?y}",
        ] {
            let mut problems = Vec::new();
            Template::parse(bad, &mut problems);
            assert_eq!(problems.len(), 1, "{bad:?}: {problems:?}");
        }
    }

    #[test]
    fn every_problem_is_found_and_the_good_fields_kept() {
        let mut problems = Vec::new();
        let template = Template::parse("{a:z} } {b} {c-d} {e", &mut problems);
        assert_eq!(problems.len(), 4, "{problems:?}");
        let names: Vec<String> = template.fields().iter().map(|f| f.to_string()).collect();
        assert_eq!(names, ["b"]);
    }
}
