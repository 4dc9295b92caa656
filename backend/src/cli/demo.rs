//! `hushdesk demo` and `serve --demo`: seed the demo desk and say how to log in.

use chrono::NaiveDateTime;

use crate::demo::{self, DEMO_PASSWORD, DEMO_USER};
use crate::store::Store;

pub fn run(store: &Store, now: NaiveDateTime, org: &str) -> anyhow::Result<String> {
    let hash = crate::auth::hash_password(DEMO_PASSWORD)
        .map_err(|e| anyhow::anyhow!("hashing the demo password: {e}"))?;
    let org = org.to_owned();
    let s = store
        .write_blocking(|conn| demo::seed(conn, now, &hash, &org))
        .map_err(|e| anyhow::anyhow!("seeding the demo desk: {e}"))?;
    Ok(format!(
        "Demo desk: {} queue(s), {} ticket(s), {} template answer(s), {} supporter(s) added. \
         Log in as '{DEMO_USER}' with password '{DEMO_PASSWORD}'.",
        s.queues, s.tickets, s.answers, s.supporters
    ))
}
