//! Template answers (RT Articles in spirit): rows and queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::answers;
use super::sqlfn::lower;
use super::DbConn;
use crate::insert_returning_id;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = answers)]
pub struct AnswerRow {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub language: String,
    pub category: String,
    pub usage_count: i64,
    pub creator: i64,
    pub created: NaiveDateTime,
    pub last_updated_by: i64,
    pub last_updated: NaiveDateTime,
}

/// The editable fields, already validated.
#[derive(Debug, Clone)]
pub struct AnswerInput {
    pub title: String,
    pub body: String,
    pub language: String,
    pub category: String,
}

#[derive(Debug, Default)]
pub struct AnswerFilter {
    pub words: Vec<String>,
    pub language: Option<String>,
    pub category: Option<String>,
}

/// `%word%` for LIKE, with the pattern characters escaped (escape character `\`).
pub fn like_pattern(word: &str) -> String {
    let mut s = String::from("%");
    for c in word.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<AnswerRow>> {
    answers::table
        .find(id)
        .select(AnswerRow::as_select())
        .first(conn)
        .optional()
}

/// A page of answers matching every word (in title or body), most used first.
pub fn list(
    conn: &mut DbConn,
    f: &AnswerFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<AnswerRow>, i64)> {
    let build = || {
        let mut q = answers::table.into_boxed();
        if let Some(l) = &f.language {
            q = q.filter(answers::language.eq(l.clone()));
        }
        if let Some(c) = &f.category {
            q = q.filter(answers::category.eq(c.clone()));
        }
        for w in &f.words {
            let p = like_pattern(w);
            q = q.filter(
                lower(answers::title)
                    .like(p.clone())
                    .escape('\\')
                    .or(lower(answers::body).like(p).escape('\\')),
            );
        }
        q
    };
    let total = build().count().get_result(conn)?;
    let rows = build()
        .order((answers::usage_count.desc(), answers::title, answers::id))
        .offset(offset)
        .limit(limit)
        .select(AnswerRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

pub fn create(
    conn: &mut DbConn,
    input: &AnswerInput,
    actor: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    insert_returning_id!(
        conn,
        answers::table,
        (
            answers::title.eq(&input.title),
            answers::body.eq(&input.body),
            answers::language.eq(&input.language),
            answers::category.eq(&input.category),
            answers::usage_count.eq(0i64),
            answers::creator.eq(actor),
            answers::created.eq(now),
            answers::last_updated_by.eq(actor),
            answers::last_updated.eq(now),
        ),
        answers::id
    )
}

/// Returns whether the answer existed.
pub fn update(
    conn: &mut DbConn,
    id: i64,
    input: &AnswerInput,
    actor: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(answers::table.find(id))
        .set((
            answers::title.eq(&input.title),
            answers::body.eq(&input.body),
            answers::language.eq(&input.language),
            answers::category.eq(&input.category),
            answers::last_updated_by.eq(actor),
            answers::last_updated.eq(now),
        ))
        .execute(conn)?;
    Ok(n > 0)
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    Ok(diesel::delete(answers::table.find(id)).execute(conn)? > 0)
}

/// Counts one use; returns the new count.
pub fn count_use(conn: &mut DbConn, id: i64) -> QueryResult<i64> {
    diesel::update(answers::table.find(id))
        .set(answers::usage_count.eq(answers::usage_count + 1i64))
        .execute(conn)?;
    answers::table
        .find(id)
        .select(answers::usage_count)
        .first(conn)
}

/// Whether an answer with this title exists in this language (the demo seed is idempotent).
pub fn exists(conn: &mut DbConn, title: &str, language: &str) -> QueryResult<bool> {
    let n: i64 = answers::table
        .filter(answers::title.eq(title))
        .filter(answers::language.eq(language))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
