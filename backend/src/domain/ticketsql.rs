//! TicketSQL parser: turns an RT search string such as
//! `Queue = 'General' AND (Status = 'new' OR Status = 'open')` into a [`Query`] tree.
//!
//! Errors copy RT's shape, `Wrong query, expecting a VALUE in '(Status = >)<--here'`: the
//! whole input with the offending token wrapped in `>` … `<--here` (just `<--here` at the
//! end of input), so clients that show RT's messages read ours the same way.

/// Longer queries are refused outright; real searches are a few hundred bytes.
pub const MAX_QUERY_LEN: usize = 16 * 1024;
/// Deepest parenthesis nesting accepted; bounds the parser's recursion.
pub const MAX_DEPTH: usize = 100;

/// A parsed search. AND binds tighter than OR, so `a OR b AND c` is `a OR (b AND c)`: the
/// SQL reading users expect, rather than plain left-to-right. Chains associate to the left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    And(Box<Query>, Box<Query>),
    Or(Box<Query>, Box<Query>),
    Cond(Condition),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub field: Field,
    pub op: Op,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    EffectiveId,
    Queue,
    Status,
    Subject,
    Type,
    /// ISO 639-1 language of the ticket (detected on mail arrival).
    Language,
    Owner,
    Creator,
    LastUpdatedBy,
    /// `sub` is a user column (`EmailAddress`, `Name`, `RealName`) in canonical case.
    Requestor {
        sub: Option<String>,
    },
    Cc {
        sub: Option<String>,
    },
    AdminCc {
        sub: Option<String>,
    },
    Watcher {
        sub: Option<String>,
    },
    Created,
    LastUpdated,
    Resolved,
    Due,
    Told,
    Starts,
    Started,
    Priority,
    InitialPriority,
    FinalPriority,
    TimeWorked,
    TimeLeft,
    TimeEstimated,
    /// The custom field's name exactly as written, braces removed.
    CustomField(String),
    Content,
    ContentType,
    Filename,
    DependsOn,
    DependedOnBy,
    RefersTo,
    ReferredToBy,
    MemberOf,
    HasMember,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Like,
    NotLike,
    Is,
    IsNot,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    Str(String),
    Int(i64),
    Null,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// Byte offset of the offending token, or the input length when input ran out.
    pub position: usize,
    pub message: String,
}

/// Parses a TicketSQL string. Runs in time linear in the input.
pub fn parse(input: &str) -> Result<Query, ParseError> {
    if input.len() > MAX_QUERY_LEN {
        return Err(ParseError {
            position: MAX_QUERY_LEN,
            message: format!("Wrong query, longer than {MAX_QUERY_LEN} bytes"),
        });
    }
    let mut parser = Parser {
        lexer: Lexer::new(input),
        peeked: None,
    };
    let query = parser.or_expr(0)?;
    let tok = parser.next()?;
    match tok.kind {
        Kind::Eof => Ok(query),
        Kind::RParen => Err(parser.error("unbalanced parentheses", &tok)),
        _ => Err(parser.error("expecting AND or OR", &tok)),
    }
}

impl Query {
    /// Every condition in the tree, left to right.
    pub fn conditions(&self) -> Vec<&Condition> {
        // An explicit stack: long AND/OR chains make left-deep trees thousands of levels deep.
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(q) = stack.pop() {
            match q {
                Query::And(l, r) | Query::Or(l, r) => {
                    stack.push(r);
                    stack.push(l);
                }
                Query::Cond(c) => out.push(c),
            }
        }
        out
    }
}

const USER_COLUMNS: [&str; 3] = ["EmailAddress", "Name", "RealName"];

impl Field {
    /// RT's canonical spelling, e.g. `Requestor.EmailAddress` or `CF.{Severity}`.
    pub fn name(&self) -> String {
        let role = |base: &str, sub: &Option<String>| match sub {
            Some(s) => format!("{base}.{s}"),
            None => base.to_string(),
        };
        let plain = match self {
            Field::Requestor { sub } => return role("Requestor", sub),
            Field::Cc { sub } => return role("Cc", sub),
            Field::AdminCc { sub } => return role("AdminCc", sub),
            Field::Watcher { sub } => return role("Watcher", sub),
            Field::CustomField(name) => return format!("CF.{{{name}}}"),
            Field::Id => "id",
            Field::EffectiveId => "EffectiveId",
            Field::Queue => "Queue",
            Field::Status => "Status",
            Field::Subject => "Subject",
            Field::Type => "Type",
            Field::Language => "Language",
            Field::Owner => "Owner",
            Field::Creator => "Creator",
            Field::LastUpdatedBy => "LastUpdatedBy",
            Field::Created => "Created",
            Field::LastUpdated => "LastUpdated",
            Field::Resolved => "Resolved",
            Field::Due => "Due",
            Field::Told => "Told",
            Field::Starts => "Starts",
            Field::Started => "Started",
            Field::Priority => "Priority",
            Field::InitialPriority => "InitialPriority",
            Field::FinalPriority => "FinalPriority",
            Field::TimeWorked => "TimeWorked",
            Field::TimeLeft => "TimeLeft",
            Field::TimeEstimated => "TimeEstimated",
            Field::Content => "Content",
            Field::ContentType => "ContentType",
            Field::Filename => "Filename",
            Field::DependsOn => "DependsOn",
            Field::DependedOnBy => "DependedOnBy",
            Field::RefersTo => "RefersTo",
            Field::ReferredToBy => "ReferredToBy",
            Field::MemberOf => "MemberOf",
            Field::HasMember => "HasMember",
        };
        plain.to_string()
    }

    /// Resolves a field spelling (already unquoted); `None` for anything RT would not know.
    fn from_name(name: &str) -> Option<Field> {
        if let Some(cf) =
            strip_prefix_ci(name, "CF.").or_else(|| strip_prefix_ci(name, "CustomField."))
        {
            return custom_field(cf);
        }
        let (base, sub) = match name.split_once('.') {
            Some((base, sub)) => (base, Some(sub)),
            None => (name, None),
        };
        let role = |make: fn(Option<String>) -> Field| -> Option<Field> {
            match sub {
                None => Some(make(None)),
                Some(s) => USER_COLUMNS
                    .iter()
                    .find(|c| c.eq_ignore_ascii_case(s))
                    .map(|c| make(Some((*c).to_string()))),
            }
        };
        match base.to_ascii_lowercase().as_str() {
            "requestor" | "requestors" => return role(|sub| Field::Requestor { sub }),
            "cc" => return role(|sub| Field::Cc { sub }),
            "admincc" => return role(|sub| Field::AdminCc { sub }),
            "watcher" => return role(|sub| Field::Watcher { sub }),
            _ => {}
        }
        if sub.is_some() {
            return None;
        }
        let field = match base.to_ascii_lowercase().as_str() {
            "id" => Field::Id,
            "effectiveid" => Field::EffectiveId,
            "queue" => Field::Queue,
            "status" => Field::Status,
            "subject" => Field::Subject,
            "type" => Field::Type,
            "language" => Field::Language,
            "owner" => Field::Owner,
            "creator" => Field::Creator,
            "lastupdatedby" => Field::LastUpdatedBy,
            "created" => Field::Created,
            "lastupdated" => Field::LastUpdated,
            "resolved" => Field::Resolved,
            "due" => Field::Due,
            "told" => Field::Told,
            "starts" => Field::Starts,
            "started" => Field::Started,
            "priority" => Field::Priority,
            "initialpriority" => Field::InitialPriority,
            "finalpriority" => Field::FinalPriority,
            "timeworked" => Field::TimeWorked,
            "timeleft" => Field::TimeLeft,
            "timeestimated" => Field::TimeEstimated,
            "content" => Field::Content,
            "contenttype" => Field::ContentType,
            "filename" => Field::Filename,
            "dependson" => Field::DependsOn,
            "dependedonby" => Field::DependedOnBy,
            "refersto" => Field::RefersTo,
            "referredtoby" => Field::ReferredToBy,
            "memberof" => Field::MemberOf,
            "hasmember" => Field::HasMember,
            _ => return None,
        };
        Some(field)
    }
}

/// `{Name}` or a bare `Name` after `CF.`; braces may hold anything but `}`.
fn custom_field(rest: &str) -> Option<Field> {
    let name = match rest.strip_prefix('{') {
        Some(inner) => inner.strip_suffix('}')?,
        None => rest,
    };
    if name.is_empty() || name.contains(['{', '}']) {
        return None;
    }
    Some(Field::CustomField(name.to_string()))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    LParen,
    RParen,
    Sym(Op),
    /// A bare word; its text is the token's span.
    Word,
    /// A quoted string with escapes already removed.
    Quoted(String),
    /// A character that starts no token (a lone `!`).
    Invalid,
    Eof,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    /// Where the last `}` is: a `{` after it cannot open a brace group, and knowing that
    /// up front keeps `{{{{…` linear instead of rescanning the tail for each brace.
    last_close_brace: Option<usize>,
}

impl<'a> Lexer<'a> {
    fn new(input: &'a str) -> Self {
        Lexer {
            input,
            pos: 0,
            last_close_brace: input.rfind('}'),
        }
    }

    fn next(&mut self) -> Result<Token, ParseError> {
        let rest = &self.input[self.pos..];
        let trimmed = rest.trim_start();
        self.pos += rest.len() - trimmed.len();
        let start = self.pos;
        let bytes = trimmed.as_bytes();
        let Some(&first) = bytes.first() else {
            return Ok(Token {
                kind: Kind::Eof,
                start,
                end: start,
            });
        };
        let second = bytes.get(1).copied();
        let (kind, len) = match (first, second) {
            (b'(', _) => (Kind::LParen, 1),
            (b')', _) => (Kind::RParen, 1),
            (b'=', _) => (Kind::Sym(Op::Eq), 1),
            (b'!', Some(b'=')) => (Kind::Sym(Op::Ne), 2),
            (b'!', _) => (Kind::Invalid, 1),
            (b'<', Some(b'>')) => (Kind::Sym(Op::Ne), 2),
            (b'<', Some(b'=')) => (Kind::Sym(Op::Le), 2),
            (b'<', _) => (Kind::Sym(Op::Lt), 1),
            (b'>', Some(b'=')) => (Kind::Sym(Op::Ge), 2),
            (b'>', _) => (Kind::Sym(Op::Gt), 1),
            (b'\'' | b'"', _) => return self.quoted(first as char),
            _ => (Kind::Word, self.word_len(trimmed)),
        };
        self.pos += len;
        Ok(Token {
            kind,
            start,
            end: self.pos,
        })
    }

    /// A quoted string; a backslash makes the next character literal, as in RT.
    fn quoted(&mut self, quote: char) -> Result<Token, ParseError> {
        let start = self.pos;
        let mut value = String::new();
        let mut chars = self.input[start + 1..].char_indices();
        while let Some((i, c)) = chars.next() {
            if c == quote {
                self.pos = start + 1 + i + 1;
                return Ok(Token {
                    kind: Kind::Quoted(value),
                    start,
                    end: self.pos,
                });
            }
            if c == '\\' {
                match chars.next() {
                    Some((_, escaped)) => value.push(escaped),
                    None => break,
                }
            } else {
                value.push(c);
            }
        }
        let tok = Token {
            kind: Kind::Eof,
            start,
            end: self.input.len(),
        };
        Err(error_at(self.input, "unterminated string", &tok))
    }

    /// Length of a bare word at the start of `s`. `{…}` groups may hold spaces and
    /// punctuation so that `CF.{Ticket Type (old)}` is one word.
    fn word_len(&self, s: &str) -> usize {
        let base = self.pos;
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() || matches!(c, '(' | ')' | '\'' | '"' | '=' | '!' | '<' | '>') {
                return i;
            }
            if c == '{' && self.last_close_brace.is_some_and(|b| b > base + i) {
                // Skip to the matching `}`; it exists, so this consumes it.
                for (_, inner) in chars.by_ref() {
                    if inner == '}' {
                        break;
                    }
                }
            }
        }
        s.len()
    }
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    peeked: Option<Token>,
}

impl Parser<'_> {
    fn input(&self) -> &str {
        self.lexer.input
    }

    fn next(&mut self) -> Result<Token, ParseError> {
        match self.peeked.take() {
            Some(tok) => Ok(tok),
            None => self.lexer.next(),
        }
    }

    fn text(&self, tok: &Token) -> &str {
        &self.lexer.input[tok.start..tok.end]
    }

    fn is_keyword(&self, tok: &Token, keyword: &str) -> bool {
        tok.kind == Kind::Word && self.text(tok).eq_ignore_ascii_case(keyword)
    }

    /// Consumes the next token if it is the bare keyword `keyword`.
    fn eat_keyword(&mut self, keyword: &str) -> Result<bool, ParseError> {
        let tok = self.next()?;
        let hit = self.is_keyword(&tok, keyword);
        if !hit {
            self.peeked = Some(tok);
        }
        Ok(hit)
    }

    fn error(&self, what: &str, tok: &Token) -> ParseError {
        error_at(self.input(), what, tok)
    }

    fn or_expr(&mut self, depth: usize) -> Result<Query, ParseError> {
        let mut lhs = self.and_expr(depth)?;
        while self.eat_keyword("OR")? {
            let rhs = self.and_expr(depth)?;
            lhs = Query::Or(Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn and_expr(&mut self, depth: usize) -> Result<Query, ParseError> {
        let mut lhs = self.primary(depth)?;
        while self.eat_keyword("AND")? {
            let rhs = self.primary(depth)?;
            lhs = Query::And(Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn primary(&mut self, depth: usize) -> Result<Query, ParseError> {
        let tok = self.next()?;
        let name = match &tok.kind {
            Kind::LParen => {
                if depth >= MAX_DEPTH {
                    let what = format!("nesting deeper than {MAX_DEPTH} parentheses");
                    return Err(self.error(&what, &tok));
                }
                let inner = self.or_expr(depth + 1)?;
                let close = self.next()?;
                return match close.kind {
                    Kind::RParen => Ok(inner),
                    Kind::Eof => Err(self.error("unbalanced parentheses", &close)),
                    _ => Err(self.error("expecting AND or OR", &close)),
                };
            }
            Kind::Word if self.is_keyword(&tok, "AND") || self.is_keyword(&tok, "OR") => {
                return Err(self.error("expecting a FIELD", &tok));
            }
            Kind::Word => self.text(&tok).to_string(),
            Kind::Quoted(s) => s.clone(),
            _ => return Err(self.error("expecting a FIELD", &tok)),
        };
        let Some(field) = Field::from_name(&name) else {
            return Err(ParseError {
                position: tok.start,
                message: marked(self.input(), &format!("Unknown field: {name} in"), &tok),
            });
        };
        let op = self.op()?;
        let value = self.value()?;
        Ok(Query::Cond(Condition { field, op, value }))
    }

    fn op(&mut self) -> Result<Op, ParseError> {
        let tok = self.next()?;
        if let Kind::Sym(op) = tok.kind {
            return Ok(op);
        }
        if self.is_keyword(&tok, "LIKE") {
            return Ok(Op::Like);
        }
        if self.is_keyword(&tok, "NOT") {
            let like = self.next()?;
            return if self.is_keyword(&like, "LIKE") {
                Ok(Op::NotLike)
            } else {
                Err(self.error("expecting an OPERATOR", &like))
            };
        }
        if self.is_keyword(&tok, "IS") {
            return Ok(if self.eat_keyword("NOT")? {
                Op::IsNot
            } else {
                Op::Is
            });
        }
        Err(self.error("expecting an OPERATOR", &tok))
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        let tok = self.next()?;
        match tok.kind {
            Kind::Quoted(s) => Ok(Value::Str(s)),
            Kind::Word => {
                let text = self.text(&tok);
                if text.eq_ignore_ascii_case("NULL") {
                    return Ok(Value::Null);
                }
                let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                    // Out-of-range numbers stay strings rather than failing the search.
                    if let Ok(n) = text.parse::<i64>() {
                        return Ok(Value::Int(n));
                    }
                }
                Ok(Value::Str(text.to_string()))
            }
            _ => Err(self.error("expecting a VALUE", &tok)),
        }
    }
}

fn error_at(input: &str, what: &str, tok: &Token) -> ParseError {
    ParseError {
        position: tok.start,
        message: marked(input, &format!("Wrong query, {what} in"), tok),
    }
}

/// `<lead> '<input with >token<--here>'`, RT's way of pointing at a token.
fn marked(input: &str, lead: &str, tok: &Token) -> String {
    let mut out = String::with_capacity(lead.len() + input.len() + 12);
    out.push_str(lead);
    out.push_str(" '");
    out.push_str(&input[..tok.start]);
    if tok.start < input.len() {
        out.push('>');
        out.push_str(&input[tok.start..tok.end]);
        out.push_str("<--here");
        out.push_str(&input[tok.end..]);
    } else {
        out.push_str("<--here");
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(input: &str) -> Query {
        match parse(input) {
            Ok(q) => q,
            Err(e) => panic!("{input:?} failed: {e}"),
        }
    }

    fn err(input: &str) -> ParseError {
        match parse(input) {
            Ok(q) => panic!("{input:?} parsed as {q:?}"),
            Err(e) => e,
        }
    }

    fn cond(field: Field, op: Op, value: Value) -> Query {
        Query::Cond(Condition { field, op, value })
    }

    fn s(v: &str) -> Value {
        Value::Str(v.to_string())
    }

    fn and(l: Query, r: Query) -> Query {
        Query::And(Box::new(l), Box::new(r))
    }

    fn or(l: Query, r: Query) -> Query {
        Query::Or(Box::new(l), Box::new(r))
    }

    fn field_of(input: &str) -> Field {
        match p(&format!("{input} = 1")) {
            Query::Cond(c) => c.field,
            other => panic!("not a condition: {other:?}"),
        }
    }

    fn value_of(input: &str) -> Value {
        match p(&format!("Subject = {input}")) {
            Query::Cond(c) => c.value,
            other => panic!("not a condition: {other:?}"),
        }
    }

    fn op_of(input: &str) -> Op {
        match p(&format!("Subject {input} 'x'")) {
            Query::Cond(c) => c.op,
            other => panic!("not a condition: {other:?}"),
        }
    }

    #[test]
    fn simple_condition() {
        assert_eq!(p("Status = 'new'"), cond(Field::Status, Op::Eq, s("new")));
    }

    #[test]
    fn no_spaces_around_operator() {
        assert_eq!(p("Status='new'"), cond(Field::Status, Op::Eq, s("new")));
        assert_eq!(
            p("Priority>=5"),
            cond(Field::Priority, Op::Ge, Value::Int(5))
        );
    }

    #[test]
    fn and_binds_tighter_than_or() {
        let a = cond(Field::Status, Op::Eq, s("a"));
        let b = cond(Field::Status, Op::Eq, s("b"));
        let c = cond(Field::Status, Op::Eq, s("c"));
        assert_eq!(
            p("Status='a' OR Status='b' AND Status='c'"),
            or(a.clone(), and(b.clone(), c.clone()))
        );
        assert_eq!(
            p("Status='a' AND Status='b' OR Status='c'"),
            or(and(a, b), c)
        );
    }

    #[test]
    fn chains_associate_left() {
        let q = p("id=1 AND id=2 AND id=3 OR id=4 OR id=5");
        let id = |n| cond(Field::Id, Op::Eq, Value::Int(n));
        assert_eq!(q, or(or(and(and(id(1), id(2)), id(3)), id(4)), id(5)));
    }

    #[test]
    fn parentheses_override_precedence() {
        let q = p("Queue = 'General' AND (Status = 'new' OR Status = 'open')");
        assert_eq!(
            q,
            and(
                cond(Field::Queue, Op::Eq, s("General")),
                or(
                    cond(Field::Status, Op::Eq, s("new")),
                    cond(Field::Status, Op::Eq, s("open"))
                )
            )
        );
    }

    #[test]
    fn nested_parentheses() {
        let q = p("((( id = 1 )) OR ((id = 2) AND (id=3)))");
        let id = |n| cond(Field::Id, Op::Eq, Value::Int(n));
        assert_eq!(q, or(id(1), and(id(2), id(3))));
    }

    #[test]
    fn python_rt_generated_forms() {
        assert_eq!(
            p("(Queue='General') AND (Status='open')"),
            and(
                cond(Field::Queue, Op::Eq, s("General")),
                cond(Field::Status, Op::Eq, s("open"))
            )
        );
        assert_eq!(
            p("(CF.{Severity}='High')"),
            cond(Field::CustomField("Severity".into()), Op::Eq, s("High"))
        );
        assert_eq!(
            p("(Queue='General') AND ('CF.{Severity}'='High')"),
            and(
                cond(Field::Queue, Op::Eq, s("General")),
                cond(Field::CustomField("Severity".into()), Op::Eq, s("High"))
            )
        );
        assert_eq!(
            p("LastUpdated > '2026-01-01 00:00:00'"),
            cond(Field::LastUpdated, Op::Gt, s("2026-01-01 00:00:00"))
        );
    }

    #[test]
    fn every_operator() {
        assert_eq!(op_of("="), Op::Eq);
        assert_eq!(op_of("!="), Op::Ne);
        assert_eq!(op_of("<>"), Op::Ne);
        assert_eq!(op_of("<"), Op::Lt);
        assert_eq!(op_of(">"), Op::Gt);
        assert_eq!(op_of("<="), Op::Le);
        assert_eq!(op_of(">="), Op::Ge);
        assert_eq!(op_of("LIKE"), Op::Like);
        assert_eq!(op_of("like"), Op::Like);
        assert_eq!(op_of("NOT LIKE"), Op::NotLike);
        assert_eq!(op_of("not   Like"), Op::NotLike);
        assert_eq!(op_of("IS"), Op::Is);
        assert_eq!(op_of("is"), Op::Is);
        assert_eq!(op_of("IS NOT"), Op::IsNot);
        assert_eq!(op_of("Is nOt"), Op::IsNot);
    }

    #[test]
    fn is_null_and_is_not_null() {
        assert_eq!(p("Owner IS NULL"), cond(Field::Owner, Op::Is, Value::Null));
        assert_eq!(
            p("Resolved is not null"),
            cond(Field::Resolved, Op::IsNot, Value::Null)
        );
    }

    #[test]
    fn keywords_are_case_insensitive() {
        let a = cond(Field::Status, Op::Eq, s("a"));
        let b = cond(Field::Status, Op::Eq, s("b"));
        let c = cond(Field::Subject, Op::Like, s("c"));
        assert_eq!(
            p("status='a' or STATUS='b' and Subject like 'c'"),
            or(a, and(b, c))
        );
    }

    #[test]
    fn plain_field_spellings() {
        let cases = [
            ("id", Field::Id),
            ("ID", Field::Id),
            ("EffectiveId", Field::EffectiveId),
            ("queue", Field::Queue),
            ("Status", Field::Status),
            ("STATUS", Field::Status),
            ("Subject", Field::Subject),
            ("Type", Field::Type),
            ("Language", Field::Language),
            ("Owner", Field::Owner),
            ("Creator", Field::Creator),
            ("LastUpdatedBy", Field::LastUpdatedBy),
            ("Created", Field::Created),
            ("LastUpdated", Field::LastUpdated),
            ("Resolved", Field::Resolved),
            ("Due", Field::Due),
            ("Told", Field::Told),
            ("Starts", Field::Starts),
            ("Started", Field::Started),
            ("Priority", Field::Priority),
            ("InitialPriority", Field::InitialPriority),
            ("FinalPriority", Field::FinalPriority),
            ("TimeWorked", Field::TimeWorked),
            ("TimeLeft", Field::TimeLeft),
            ("TimeEstimated", Field::TimeEstimated),
            ("Content", Field::Content),
            ("ContentType", Field::ContentType),
            ("Filename", Field::Filename),
            ("DependsOn", Field::DependsOn),
            ("DependedOnBy", Field::DependedOnBy),
            ("RefersTo", Field::RefersTo),
            ("ReferredToBy", Field::ReferredToBy),
            ("MemberOf", Field::MemberOf),
            ("HasMember", Field::HasMember),
        ];
        for (spelling, field) in cases {
            assert_eq!(field_of(spelling), field, "{spelling}");
        }
    }

    #[test]
    fn watcher_field_spellings() {
        let email = Some("EmailAddress".to_string());
        assert_eq!(field_of("Requestor"), Field::Requestor { sub: None });
        assert_eq!(field_of("Requestors"), Field::Requestor { sub: None });
        assert_eq!(
            field_of("Requestor.EmailAddress"),
            Field::Requestor { sub: email.clone() }
        );
        assert_eq!(
            field_of("requestors.emailaddress"),
            Field::Requestor { sub: email.clone() }
        );
        assert_eq!(
            field_of("Requestor.Name"),
            Field::Requestor {
                sub: Some("Name".into())
            }
        );
        assert_eq!(
            field_of("Requestor.realname"),
            Field::Requestor {
                sub: Some("RealName".into())
            }
        );
        assert_eq!(field_of("Cc"), Field::Cc { sub: None });
        assert_eq!(
            field_of("CC.EmailAddress"),
            Field::Cc { sub: email.clone() }
        );
        assert_eq!(field_of("AdminCc"), Field::AdminCc { sub: None });
        assert_eq!(
            field_of("AdminCC.EmailAddress"),
            Field::AdminCc { sub: email.clone() }
        );
        assert_eq!(field_of("Watcher"), Field::Watcher { sub: None });
        assert_eq!(
            field_of("watcher.EMAILADDRESS"),
            Field::Watcher { sub: email }
        );
    }

    #[test]
    fn custom_field_spellings() {
        let sev = Field::CustomField("Severity".into());
        assert_eq!(field_of("CF.{Severity}"), sev);
        assert_eq!(field_of("'CF.{Severity}'"), sev);
        assert_eq!(field_of("\"CF.{Severity}\""), sev);
        assert_eq!(field_of("CF.Severity"), sev);
        assert_eq!(field_of("cf.{Severity}"), sev);
        assert_eq!(field_of("CustomField.{Severity}"), sev);
        assert_eq!(field_of("customfield.Severity"), sev);
    }

    #[test]
    fn custom_field_names_with_spaces_and_punctuation() {
        assert_eq!(
            p("CF.{Ticket Type} = 'Bug'"),
            cond(Field::CustomField("Ticket Type".into()), Op::Eq, s("Bug"))
        );
        assert_eq!(
            p("CF.{Area: Sub (old)}='x'"),
            cond(Field::CustomField("Area: Sub (old)".into()), Op::Eq, s("x"))
        );
        assert_eq!(
            p("'CF.{Area: Sub}' LIKE 'x' AND (CF.{A b}='y')"),
            and(
                cond(Field::CustomField("Area: Sub".into()), Op::Like, s("x")),
                cond(Field::CustomField("A b".into()), Op::Eq, s("y"))
            )
        );
    }

    #[test]
    fn value_forms() {
        assert_eq!(value_of("'abc'"), s("abc"));
        assert_eq!(value_of("\"abc\""), s("abc"));
        assert_eq!(value_of("abc"), s("abc"));
        assert_eq!(value_of("NULL"), Value::Null);
        assert_eq!(value_of("null"), Value::Null);
        assert_eq!(value_of("'NULL'"), s("NULL"));
        assert_eq!(value_of("42"), Value::Int(42));
        assert_eq!(value_of("-7"), Value::Int(-7));
        assert_eq!(value_of("+7"), Value::Int(7));
        assert_eq!(value_of("'42'"), s("42"));
        assert_eq!(value_of("12abc"), s("12abc"));
        assert_eq!(value_of("''"), s(""));
        assert_eq!(value_of("a@example.com"), s("a@example.com"));
        assert_eq!(value_of("99999999999999999999"), s("99999999999999999999"));
    }

    #[test]
    fn pseudo_statuses_are_plain_strings() {
        assert_eq!(
            p("Status = '__Active__'"),
            cond(Field::Status, Op::Eq, s("__Active__"))
        );
        assert_eq!(
            p("Status = __Inactive__"),
            cond(Field::Status, Op::Eq, s("__Inactive__"))
        );
    }

    #[test]
    fn whitespace_inside_quotes_is_kept() {
        assert_eq!(
            p("Subject LIKE 'seed 4242 '"),
            cond(Field::Subject, Op::Like, s("seed 4242 "))
        );
        assert_eq!(
            p("\t\n Subject\r\n=\t' a  b ' \n"),
            cond(Field::Subject, Op::Eq, s(" a  b "))
        );
    }

    #[test]
    fn backslash_escapes() {
        assert_eq!(value_of(r"'it\'s'"), s("it's"));
        assert_eq!(value_of(r#""say \"hi\"""#), s("say \"hi\""));
        assert_eq!(value_of(r"'back\\slash'"), s(r"back\slash"));
        assert_eq!(value_of(r#"'mixed "quotes"'"#), s("mixed \"quotes\""));
        assert_eq!(value_of("'ünïcødé ✓'"), s("ünïcødé ✓"));
    }

    #[test]
    fn doubled_quotes_are_not_an_escape() {
        let e = err("Subject = 'it''s'");
        assert_eq!(
            e.message,
            "Wrong query, expecting AND or OR in 'Subject = 'it'>'s'<--here'"
        );
        assert_eq!(e.position, 14);
    }

    #[test]
    fn and_or_as_values() {
        assert_eq!(p("Subject = AND"), cond(Field::Subject, Op::Eq, s("AND")));
    }

    #[test]
    fn missing_value_at_end() {
        let e = err("Status = ");
        assert_eq!(
            e.message,
            "Wrong query, expecting a VALUE in 'Status = <--here'"
        );
        assert_eq!(e.position, 9);
    }

    #[test]
    fn missing_value_before_paren_matches_rt() {
        // RT's own text for this input, as measured on RT 5.0.3.
        let e = err("(Status = )");
        assert_eq!(
            e.message,
            "Wrong query, expecting a VALUE in '(Status = >)<--here'"
        );
        assert_eq!(e.position, 10);
        let e = err("(Status = >)");
        assert_eq!(
            e.message,
            "Wrong query, expecting a VALUE in '(Status = >><--here)'"
        );
        assert_eq!(e.position, 10);
    }

    #[test]
    fn unclosed_paren() {
        let e = err("(Status = 'new'");
        assert_eq!(
            e.message,
            "Wrong query, unbalanced parentheses in '(Status = 'new'<--here'"
        );
        assert_eq!(e.position, 15);
    }

    #[test]
    fn extra_close_paren() {
        let e = err("Status = 'new')");
        assert_eq!(
            e.message,
            "Wrong query, unbalanced parentheses in 'Status = 'new'>)<--here'"
        );
        assert_eq!(e.position, 14);
    }

    #[test]
    fn unknown_field() {
        let e = err("Foo = 1");
        assert_eq!(e.message, "Unknown field: Foo in '>Foo<--here = 1'");
        assert_eq!(e.position, 0);
        assert_eq!(e.to_string(), e.message);
        let e = err("Status = 'x' AND 'Bar' = 1");
        assert_eq!(
            e.message,
            "Unknown field: Bar in 'Status = 'x' AND >'Bar'<--here = 1'"
        );
        assert_eq!(e.position, 17);
    }

    #[test]
    fn unknown_sub_fields_are_rejected() {
        assert_eq!(
            err("Requestor.Password = 'x'").message,
            "Unknown field: Requestor.Password in '>Requestor.Password<--here = 'x''"
        );
        assert_eq!(
            err("Status.Name = 'x'").message,
            "Unknown field: Status.Name in '>Status.Name<--here = 'x''"
        );
        assert_eq!(
            err("CF.{} = 'x'").message,
            "Unknown field: CF.{} in '>CF.{}<--here = 'x''"
        );
        // No closing brace anywhere: the word ends at the space as usual.
        assert_eq!(
            err("CF.{Sev = 'x'").message,
            "Unknown field: CF.{Sev in '>CF.{Sev<--here = 'x''"
        );
    }

    #[test]
    fn missing_operator() {
        let e = err("Status 'new'");
        assert_eq!(
            e.message,
            "Wrong query, expecting an OPERATOR in 'Status >'new'<--here'"
        );
        assert_eq!(e.position, 7);
        let e = err("Subject NOT 'x'");
        assert_eq!(
            e.message,
            "Wrong query, expecting an OPERATOR in 'Subject NOT >'x'<--here'"
        );
        assert_eq!(e.position, 12);
        let e = err("Status ! 'x'");
        assert_eq!(
            e.message,
            "Wrong query, expecting an OPERATOR in 'Status >!<--here 'x''"
        );
    }

    #[test]
    fn python_rt_broken_cf_kwarg_is_rejected() {
        // python-rt's CF_<name> kwarg emits this; RT answers 400 as well.
        let e = err("CF.{Severity}'='High'");
        assert_eq!(
            e.message,
            "Wrong query, expecting an OPERATOR in 'CF.{Severity}>'='<--hereHigh''"
        );
        assert_eq!(e.position, 13);
    }

    #[test]
    fn missing_aggregator() {
        let e = err("Status = 'new' Subject = 'x'");
        assert_eq!(
            e.message,
            "Wrong query, expecting AND or OR in 'Status = 'new' >Subject<--here = 'x''"
        );
        assert_eq!(e.position, 15);
        let e = err("(Status = 'new' Subject = 'x')");
        assert_eq!(e.position, 16);
    }

    #[test]
    fn missing_field() {
        let e = err("Status = 'new' AND");
        assert_eq!(
            e.message,
            "Wrong query, expecting a FIELD in 'Status = 'new' AND<--here'"
        );
        assert_eq!(e.position, 18);
        let e = err("= 'new'");
        assert_eq!(
            e.message,
            "Wrong query, expecting a FIELD in '>=<--here 'new''"
        );
        assert_eq!(e.position, 0);
        let e = err("Status = 'a' OR AND Status = 'b'");
        assert_eq!(e.position, 16);
        assert_eq!(err("()").position, 1);
    }

    #[test]
    fn empty_query_is_an_error() {
        let e = err("");
        assert_eq!(e.message, "Wrong query, expecting a FIELD in '<--here'");
        assert_eq!(e.position, 0);
        let e = err("  \n ");
        assert_eq!(
            e.message,
            "Wrong query, expecting a FIELD in '  \n <--here'"
        );
        assert_eq!(e.position, 4);
    }

    #[test]
    fn unterminated_string() {
        let e = err("Subject = 'abc");
        assert_eq!(
            e.message,
            "Wrong query, unterminated string in 'Subject = >'abc<--here'"
        );
        assert_eq!(e.position, 10);
        let e = err(r"Subject = 'abc\'");
        assert_eq!(e.position, 10);
        let e = err(r"'CF.{x} = 1");
        assert_eq!(e.position, 0);
        assert_eq!(
            e.message,
            "Wrong query, unterminated string in '>'CF.{x} = 1<--here'"
        );
    }

    #[test]
    fn nesting_up_to_the_limit_is_accepted() {
        let q = format!("{}id=1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(p(&q), cond(Field::Id, Op::Eq, Value::Int(1)));
    }

    #[test]
    fn nesting_beyond_the_limit_is_an_error() {
        let q = format!(
            "{}id=1{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        let e = err(&q);
        assert_eq!(e.position, MAX_DEPTH);
        assert!(e
            .message
            .starts_with("Wrong query, nesting deeper than 100 parentheses in '((("));
        // Far deeper than any stack would survive if the parser recursed unchecked.
        let e = err(&"(".repeat(MAX_QUERY_LEN));
        assert_eq!(e.position, MAX_DEPTH);
    }

    #[test]
    fn long_input_is_refused() {
        let e = err(&format!("Subject = '{}'", "x".repeat(MAX_QUERY_LEN)));
        assert_eq!(e.position, MAX_QUERY_LEN);
        assert_eq!(e.message, "Wrong query, longer than 16384 bytes");
    }

    #[test]
    fn long_chain_at_the_limit_parses() {
        let clause = "(id=1) OR ";
        let n = (MAX_QUERY_LEN - 6) / clause.len();
        let q = format!("{}(id=1)", clause.repeat(n));
        assert!(q.len() <= MAX_QUERY_LEN);
        let parsed = p(&q);
        let conds = parsed.conditions();
        assert_eq!(conds.len(), n + 1);
        assert!(conds
            .iter()
            .all(|c| c.field == Field::Id && c.op == Op::Eq && c.value == Value::Int(1)));
    }

    #[test]
    fn brace_heavy_input_is_handled() {
        // Many unmatched braces must not rescan the tail for each one.
        let q = format!("CF.{} = 1", "{".repeat(MAX_QUERY_LEN - 10));
        let e = err(&q);
        assert_eq!(e.position, 0);
        assert!(e.message.starts_with("Unknown field: CF.{{{"));
    }

    #[test]
    fn conditions_are_listed_left_to_right() {
        let q = p("Queue='General' AND (Status='new' OR Owner IS NULL) AND id > 3");
        let fields: Vec<Field> = q.conditions().iter().map(|c| c.field.clone()).collect();
        assert_eq!(
            fields,
            vec![Field::Queue, Field::Status, Field::Owner, Field::Id]
        );
    }

    #[test]
    fn field_names_are_canonical() {
        assert_eq!(Field::Id.name(), "id");
        assert_eq!(Field::LastUpdatedBy.name(), "LastUpdatedBy");
        assert_eq!(
            Field::Requestor {
                sub: Some("EmailAddress".into())
            }
            .name(),
            "Requestor.EmailAddress"
        );
        assert_eq!(Field::AdminCc { sub: None }.name(), "AdminCc");
        assert_eq!(
            Field::CustomField("Severity".into()).name(),
            "CF.{Severity}"
        );
        assert_eq!(
            field_of("requestors.emailaddress").name(),
            "Requestor.EmailAddress"
        );
        assert_eq!(field_of("'CF.Area: Sub'").name(), "CF.{Area: Sub}");
    }

    #[test]
    fn names_round_trip_through_the_parser() {
        let fields = [
            Field::Id,
            Field::TimeEstimated,
            Field::HasMember,
            Field::Watcher {
                sub: Some("RealName".into()),
            },
            Field::CustomField("Ticket Type".into()),
        ];
        for f in fields {
            assert_eq!(field_of(&f.name()), f);
        }
    }
}
