//! TicketSearch (`GET /Ticket`): OTRS search keys translated to TicketSQL, run with the
//! caller's rights. Unsupported keys are refused rather than ignored.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Map, Value};

use super::mapping;
use super::{authenticate, list, nonempty, params, respond, text, OtrsError, OtrsResult, State};
use crate::store::search::{self, OrderBy, SearchRequest};

const OP: &str = "TicketSearch";

/// Keys that authenticate or shape the result rather than filter.
const IGNORED: &[&str] = &[
    "AccessToken",
    "SessionID",
    "UserLogin",
    "CustomerUserLogin",
    "Password",
    "Result",
    "FullTextIndex",
    "ContentSearch",
];

pub async fn ticket_search(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(search_tickets(state, req, body).await)
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// `a = x OR a = y`, parenthesised; an empty list matches nothing.
fn any_of(field: &str, values: &[String]) -> String {
    if values.is_empty() {
        return "id < 0".into();
    }
    let parts: Vec<String> = values
        .iter()
        .map(|v| format!("{field} = {}", quote(v)))
        .collect();
    format!("({})", parts.join(" OR "))
}

/// OTRS `%` wildcards: a pattern with them becomes a substring match.
fn pattern(field: &str, v: &str) -> String {
    if v.contains('%') || v.contains('*') {
        let inner = v.replace(['%', '*'], " ");
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.is_empty() {
            return "id > 0".into();
        }
        let parts: Vec<String> = words
            .iter()
            .map(|w| format!("{field} LIKE {}", quote(w)))
            .collect();
        format!("({})", parts.join(" AND "))
    } else {
        format!("{field} = {}", quote(v))
    }
}

fn numbers(values: &[String], what: &str) -> OtrsResult<Vec<i64>> {
    values
        .iter()
        .map(|v| {
            v.parse::<i64>()
                .map_err(|_| OtrsError::invalid(OP, format!("{what} '{v}' is invalid!")))
        })
        .collect()
}

/// TicketSQL for the OTRS search keys in `m`.
pub fn to_ticketsql(m: &Map<String, Value>) -> OtrsResult<String> {
    let mut clauses: Vec<String> = Vec::new();
    let mut content: Vec<String> = Vec::new();
    for (key, value) in m {
        if IGNORED.contains(&key.as_str()) || matches!(key.as_str(), "Limit" | "SortBy" | "OrderBy")
        {
            continue;
        }
        let vals = list(Some(value));
        match key.as_str() {
            "TicketID" | "TicketIDs" | "TicketNumber" => {
                let vals: Vec<String> = vals
                    .iter()
                    .flat_map(|v| v.split(','))
                    .map(|s| s.trim().trim_matches('%').to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                let ids = numbers(&vals, key)?;
                clauses.push(any_of(
                    "id",
                    &ids.iter().map(i64::to_string).collect::<Vec<_>>(),
                ));
            }
            "Title" => {
                let parts: Vec<String> = vals.iter().map(|v| pattern("Subject", v)).collect();
                if !parts.is_empty() {
                    clauses.push(format!("({})", parts.join(" OR ")));
                }
            }
            "Queues" | "QueueIDs" | "Queue" | "QueueID" => clauses.push(any_of("Queue", &vals)),
            "States" | "State" | "StateIDs" | "StateID" => {
                let by_id = key.contains("ID");
                let mut statuses = Vec::new();
                for v in &vals {
                    let s = if by_id {
                        mapping::status_for(None, Some(v))
                    } else {
                        mapping::status_for(Some(v), None)
                    }
                    .ok_or_else(|| OtrsError::invalid(OP, format!("State '{v}' is invalid!")))?;
                    statuses.push(s.to_owned());
                }
                clauses.push(any_of("Status", &statuses));
            }
            "StateType" | "StateTypeIDs" | "StateTypes" => {
                let mut statuses = Vec::new();
                for v in &vals {
                    let s = mapping::statuses_of_type(v);
                    if s.is_empty() {
                        return Err(OtrsError::invalid(
                            OP,
                            format!("StateType '{v}' is invalid!"),
                        ));
                    }
                    statuses.extend(s.into_iter().map(str::to_owned));
                }
                clauses.push(any_of("Status", &statuses));
            }
            "Priorities" | "PriorityIDs" | "Priority" | "PriorityID" => {
                let mut parts = Vec::new();
                for v in &vals {
                    let id = if key.contains("ID") {
                        v.parse::<i64>().ok().filter(|n| (1..=5).contains(n))
                    } else {
                        mapping::priority_id_of(v)
                    }
                    .ok_or_else(|| OtrsError::invalid(OP, format!("Priority '{v}' is invalid!")))?;
                    let (lo, hi) = mapping::priority_range(id);
                    parts.push(format!("(Priority >= {lo} AND Priority <= {hi})"));
                }
                if parts.is_empty() {
                    clauses.push("id < 0".into());
                } else {
                    clauses.push(format!("({})", parts.join(" OR ")));
                }
            }
            "CustomerUserLogin"
            | "CustomerID"
            | "CustomerUserID"
            | "CustomerIDRaw"
            | "CustomerUserLoginRaw" => clauses.push(any_of("Requestor", &vals)),
            "OwnerIDs" | "Owner" | "OwnerID" => clauses.push(any_of("Owner", &vals)),
            "Locks" | "Lock" | "LockIDs" => {
                let mut parts = Vec::new();
                for v in &vals {
                    match v.as_str() {
                        "lock" | "2" => parts.push("Owner != 'Nobody'".to_owned()),
                        "unlock" | "1" => parts.push("Owner = 'Nobody'".to_owned()),
                        _ => return Err(OtrsError::invalid(OP, format!("Lock '{v}' is invalid!"))),
                    }
                }
                clauses.push(format!("({})", parts.join(" OR ")));
            }
            "Subject" | "MIMEBase_Subject" | "Body" | "MIMEBase_Body" => {
                let field = if key.ends_with("Subject") {
                    "Subject"
                } else {
                    "Content"
                };
                for v in &vals {
                    content.push(pattern(field, v));
                }
            }
            k if k.starts_with("DynamicField_") => {
                let name = &k["DynamicField_".len()..];
                let field = format!("CF.{{{name}}}");
                let Value::Object(ops) = value else {
                    return Err(OtrsError::invalid(
                        OP,
                        format!("{k} must be an object of operators, e.g. {{\"Equals\": [\"x\"]}} (send it as a JSON body)"),
                    ));
                };
                for (op, v) in ops {
                    let vs = list(Some(v));
                    let clause = match op.as_str() {
                        "Equals" => any_of(&field, &vs),
                        "Like" => {
                            let parts: Vec<String> =
                                vs.iter().map(|x| pattern(&field, x)).collect();
                            format!("({})", parts.join(" OR "))
                        }
                        "GreaterThan" | "GreaterThanEquals" | "SmallerThan"
                        | "SmallerThanEquals" => {
                            let sym = match op.as_str() {
                                "GreaterThan" => ">",
                                "GreaterThanEquals" => ">=",
                                "SmallerThan" => "<",
                                _ => "<=",
                            };
                            let v = text(Some(v)).unwrap_or_default();
                            format!("{field} {sym} {}", quote(&v))
                        }
                        other => {
                            return Err(OtrsError::invalid(
                                OP,
                                format!("{k}: operator '{other}' is not supported!"),
                            ))
                        }
                    };
                    clauses.push(clause);
                }
            }
            other => {
                return Err(OtrsError::invalid(
                    OP,
                    format!("Search key '{other}' is not supported!"),
                ))
            }
        }
    }
    if !content.is_empty() {
        let or = nonempty(m, "ContentSearch").is_some_and(|s| s.eq_ignore_ascii_case("OR"));
        let joiner = if or { " OR " } else { " AND " };
        clauses.push(format!("({})", content.join(joiner)));
    }
    Ok(clauses.join(" AND "))
}

fn order(m: &Map<String, Value>) -> OtrsResult<(OrderBy, bool)> {
    let by = match nonempty(m, "SortBy").as_deref() {
        None | Some("TicketNumber") | Some("TicketID") => OrderBy::Id,
        Some("Age") | Some("Created") => OrderBy::Created,
        Some("Changed") => OrderBy::LastUpdated,
        Some("Title") => OrderBy::Subject,
        Some("State") => OrderBy::Status,
        Some("Priority") => OrderBy::Priority,
        Some("Queue") => OrderBy::Queue,
        Some("Owner") => OrderBy::Owner,
        Some(o) => {
            return Err(OtrsError::invalid(
                OP,
                format!("SortBy '{o}' is not supported!"),
            ))
        }
    };
    let desc = match nonempty(m, "OrderBy").as_deref() {
        None | Some("Up") => false,
        Some("Down") => true,
        Some(o) => return Err(OtrsError::invalid(OP, format!("OrderBy '{o}' is invalid!"))),
    };
    Ok((by, desc))
}

async fn search_tickets(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    let m = params(&req, &body, OP)?;
    let st = state.clone();
    state
        .store
        .read(move |conn| -> OtrsResult<Value> {
            let me = authenticate(&st, conn, &m, OP)?;
            let query = to_ticketsql(&m)?;
            let (order_by, descending) = order(&m)?;
            let limit = match nonempty(&m, "Limit") {
                None => 10_000,
                Some(l) => l
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| OtrsError::invalid(OP, "Limit is invalid!"))?
                    .min(10_000),
            };
            let req = SearchRequest {
                query: &query,
                order_by,
                descending,
                offset: 0,
                limit,
                count_total: false,
            };
            let (rows, _) = search::search(conn, st.search.as_content(), &me.rights, me.id(), &req)
                .map_err(|e| OtrsError::domain(OP, e))?;
            if rows.is_empty() {
                return Ok(json!({}));
            }
            let ids: Vec<String> = rows.iter().map(|t| t.id.to_string()).collect();
            Ok(json!({ "TicketID": ids }))
        })
        .await
}
