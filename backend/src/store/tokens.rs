//! API tokens: stored as SHA-256 of their secret part, checked without a password hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::TokenRow;
use super::schema::auth_tokens;
use super::DbConn;
use crate::insert_returning_id;

pub fn create(
    conn: &mut DbConn,
    owner: i64,
    description: &str,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    insert_returning_id!(
        conn,
        auth_tokens::table,
        (
            auth_tokens::owner_id.eq(owner),
            auth_tokens::description.eq(description),
            auth_tokens::token_hash.eq(token_hash),
            auth_tokens::created.eq(now),
        ),
        auth_tokens::id
    )
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<TokenRow>> {
    auth_tokens::table
        .find(id)
        .select(TokenRow::as_select())
        .first(conn)
        .optional()
}

pub fn touch(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(auth_tokens::table.find(id))
        .set(auth_tokens::last_used.eq(Some(now)))
        .execute(conn)
}

pub fn for_owner(conn: &mut DbConn, owner: i64) -> QueryResult<Vec<TokenRow>> {
    auth_tokens::table
        .filter(auth_tokens::owner_id.eq(owner))
        .order(auth_tokens::id)
        .select(TokenRow::as_select())
        .load(conn)
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::delete(auth_tokens::table.find(id)).execute(conn)
}
