//! Erasure on request: everything about one requester goes — identity, what their tickets
//! say, their abuse signals — while the anonymous ticket skeletons keep statistics right.

use super::purge::{self, Counts, Trigger};
use super::Reach;
use crate::domain::clock::Clock;
use crate::domain::error::{DomainError, DomainResult};
use crate::domain::retention::DataKind;
use crate::store::retention::{self as rows, ReceiptRow};
use crate::store::{users, Store};

/// Erases the requester with this address; the receipt names no one.
pub fn erase(
    store: &Store,
    reach: &Reach,
    clock: &dyn Clock,
    address: &str,
) -> DomainResult<ReceiptRow> {
    let started = clock.now();
    let address = address.trim().to_owned();
    if !users::looks_like_email(&address) {
        return Err(DomainError::Invalid(
            "Erasure needs a requester's email address".into(),
        ));
    }
    let scorer = store.abuse_scorer().cloned();
    let counts = store.write_blocking(|conn| -> DomainResult<Counts> {
        let mut counts = Counts::default();
        let user = users::by_email(conn, &address)?;
        if let Some(user) = &user {
            if user.privileged {
                return Err(DomainError::Invalid(
                    "That address belongs to a supporter; erasure applies to requesters".into(),
                ));
            }
            let tickets = rows::tickets_of_user(conn, user.id)?;
            if !tickets.is_empty() {
                for kind in [
                    DataKind::RequesterIdentity,
                    DataKind::Bodies,
                    DataKind::WhisperbackLogs,
                    DataKind::HardwareFacts,
                ] {
                    purge::purge_kind(conn, kind, &tickets, started, reach, &mut counts)?;
                    rows::mark(conn, &tickets, kind, started)?;
                    counts
                        .tickets
                        .insert(kind.as_str().to_owned(), tickets.len() as u64);
                }
            }
            let b = rows::blank_user(conn, user.id)?;
            // The identity purge above blanked the user already when they had tickets.
            if b.blanked && tickets.is_empty() {
                counts.users_anonymised += 1;
            }
            counts.openpgp_keys_removed += b.openpgp_keys;
        }
        if let Some(s) = &scorer {
            counts.abuse_signals_removed += s.forget(conn, &address)?;
        }
        if user.is_none() && counts.abuse_signals_removed == 0 {
            return Err(DomainError::NotFound(
                "No requester with that address is known".into(),
            ));
        }
        Ok(counts)
    })?;
    store.write_blocking(|conn| -> DomainResult<()> {
        Ok(super::hooks::compact_search_index(conn)?)
    })?;
    store.flush_deleted()?;
    let receipt = purge::write_receipt(
        store,
        Trigger::Erasure,
        false,
        started,
        clock.now(),
        &[],
        &counts,
    )?;
    store.flush_deleted()?;
    Ok(receipt)
}
