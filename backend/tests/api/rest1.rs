//! RT REST 1.0: exact text framing, sessions, tickets, history, attachments, search, links,
//! ownership, users and queues — on both backends.

use crate::both;
use crate::helpers::{TestApp, ADMIN_PASSWORD};

const V: &str = concat!("RT/", env!("CARGO_PKG_VERSION"));

struct Rest1 {
    base: String,
    client: reqwest::Client,
    cookie: String,
}

async fn body_of(r: reqwest::Response) -> String {
    assert_eq!(r.status().as_u16(), 200, "REST 1.0 always answers HTTP 200");
    String::from_utf8(r.bytes().await.expect("body").to_vec()).expect("utf-8")
}

impl Rest1 {
    fn base(app: &TestApp) -> String {
        app.base.replace("/REST/2.0", "/REST/1.0")
    }

    async fn login(app: &TestApp) -> Self {
        let base = Self::base(app);
        let r = app
            .client
            .post(format!("{base}/"))
            .form(&[("user", "root"), ("pass", ADMIN_PASSWORD)])
            .send()
            .await
            .expect("login");
        let set = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .expect("session cookie")
            .to_owned();
        let cookie = set.split(';').next().unwrap_or_default().to_owned();
        assert_eq!(
            body_of(r).await,
            format!(
                "{V} 200 Ok\n\n# Invalid object specification: 'index.html'\n\nid: index.html\n"
            )
        );
        Rest1 {
            base,
            client: app.client.clone(),
            cookie,
        }
    }

    async fn get(&self, path: &str) -> String {
        let r = self
            .client
            .get(format!("{}/{path}", self.base))
            .header("Cookie", &self.cookie)
            .send()
            .await
            .expect("get");
        body_of(r).await
    }

    async fn post(&self, path: &str, content: &str) -> String {
        let r = self
            .client
            .post(format!("{}/{path}", self.base))
            .header("Cookie", &self.cookie)
            .form(&[("content", content)])
            .send()
            .await
            .expect("post");
        body_of(r).await
    }

    async fn form(&self, path: &str, fields: &[(&str, &str)]) -> String {
        let r = self
            .client
            .post(format!("{}/{path}", self.base))
            .header("Cookie", &self.cookie)
            .form(fields)
            .send()
            .await
            .expect("post");
        body_of(r).await
    }

    async fn multipart(
        &self,
        path: &str,
        content: &str,
        files: Vec<(&str, Vec<u8>, &str)>,
    ) -> String {
        let mut form = reqwest::multipart::Form::new().text("content", content.to_owned());
        for (i, (name, data, ct)) in files.into_iter().enumerate() {
            let part = reqwest::multipart::Part::bytes(data)
                .file_name(name.to_owned())
                .mime_str(ct)
                .expect("mime");
            form = form.part(format!("attachment_{}", i + 1), part);
        }
        let r = self
            .client
            .post(format!("{}/{path}", self.base))
            .header("Cookie", &self.cookie)
            .multipart(form)
            .send()
            .await
            .expect("post");
        body_of(r).await
    }

    async fn create(&self, subject: &str) -> i64 {
        let out = self
            .post(
                "ticket/new",
                &format!("id: ticket/new\nQueue: General\nSubject: {subject}\nRequestor: req@example.test\nText: first line\n second line"),
            )
            .await;
        let id = out
            .strip_prefix(&format!("{V} 200 Ok\n\n# Ticket "))
            .and_then(|r| r.strip_suffix(" created.\n"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected create answer: {out}"));
        id
    }
}

fn ok(payload: &str) -> String {
    format!("{V} 200 Ok\n\n{payload}")
}

/// Replaces each ctime/SQL date in a payload with a marker, after checking it parses.
fn mask_dates(s: &str) -> String {
    s.lines()
        .map(|l| match l.split_once(": ") {
            Some((k, v))
                if chrono::NaiveDateTime::parse_from_str(v, "%a %b %d %H:%M:%S %Y").is_ok()
                    || chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M:%S").is_ok() =>
            {
                format!("{k}: <date>")
            }
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if s.ends_with('\n') { "\n" } else { "" }
}

both!(framing_and_sessions, |app: TestApp| async move {
    let base = Rest1::base(&app);
    let r = app
        .client
        .get(format!("{base}/ticket/1/show"))
        .send()
        .await
        .expect("get");
    assert_eq!(
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        body_of(r).await,
        format!("{V} 401 Credentials required\n\n")
    );

    let r = app
        .client
        .post(format!("{base}/"))
        .form(&[("user", "root"), ("pass", "wrong")])
        .send()
        .await
        .expect("post");
    assert!(r.headers().get("set-cookie").is_none());
    assert_eq!(
        body_of(r).await,
        format!("{V} 401 Credentials required\n\nYour username or password is incorrect\n")
    );

    let rt = Rest1::login(&app).await;
    let port = base
        .rsplit(':')
        .next()
        .and_then(|p| p.split('/').next())
        .unwrap_or_default();
    let (name, value) = rt.cookie.split_once('=').expect("cookie pair");
    assert_eq!(name, format!("RT_SID_hushdesk.{port}"));
    assert!(
        value.chars().all(|c| c.is_ascii_hexdigit()),
        "the rt CLI wants a hex session id"
    );
    assert_eq!(
        rt.get("ticket/999/show").await,
        ok("# Ticket 999 does not exist.\n")
    );

    // Query-string login and HTTP Basic work without a cookie, as RT accepts them.
    let r = app
        .client
        .get(format!(
            "{base}/ticket/999/show?user=root&pass={}",
            ADMIN_PASSWORD.replace(' ', "%20")
        ))
        .send()
        .await
        .expect("get");
    assert_eq!(body_of(r).await, ok("# Ticket 999 does not exist.\n"));
    let r = app
        .client
        .get(format!("{base}/ticket/999/show"))
        .basic_auth("root", Some(ADMIN_PASSWORD))
        .send()
        .await
        .expect("get");
    assert_eq!(body_of(r).await, ok("# Ticket 999 does not exist.\n"));
    let r = app
        .client
        .get(format!("{base}/ticket/999/show"))
        .basic_auth("root", Some("nope"))
        .send()
        .await
        .expect("get");
    assert_eq!(
        body_of(r).await,
        format!("{V} 401 Credentials required\n\nYour username or password is incorrect\n")
    );

    assert_eq!(rt.get("logout").await, ok(""));
});

both!(ticket_show_edit_and_errors, |app: TestApp| async move {
    let rt = Rest1::login(&app).await;
    let id = rt.create("Printer on fire").await;
    let shown = rt.get(&format!("ticket/{id}/show")).await;
    assert_eq!(
        mask_dates(&shown),
        ok(&format!(
            "id: ticket/{id}\nQueue: General\nOwner: Nobody\nCreator: root\nSubject: Printer on fire\nStatus: new\nPriority: 0\nInitialPriority: 0\nFinalPriority: 0\nRequestors: req@example.test\nCc:\nAdminCc:\nCreated: <date>\nStarts: Not set\nStarted: Not set\nDue: Not set\nResolved: Not set\nTold: Not set\nLastUpdated: <date>\nTimeEstimated: 0\nTimeWorked: 0\nTimeLeft: 0\n"
        ))
    );
    assert_eq!(
        rt.post(
            &format!("ticket/{id}/edit"),
            "Status: open\nSubject: Printer fixed\nPriority: 5"
        )
        .await,
        ok(&format!("# Ticket {id} updated.\n"))
    );
    let shown = rt
        .get(&format!("ticket/{id}/show?fields=Subject,Status,Priority"))
        .await;
    assert_eq!(
        shown,
        ok(&format!(
            "id: ticket/{id}\nSubject: Printer fixed\nStatus: open\nPriority: 5\n"
        ))
    );
    assert_eq!(
        rt.post(&format!("ticket/{id}/edit"), "Status: bogus").await,
        format!("{V} 409 Syntax Error\n\n# Status: Status 'bogus' isn't a valid status for this ticket.\n")
    );
    assert_eq!(
        rt.post("ticket/4242/edit", "Status: open").await,
        format!("{V} 400 Bad Request\n\n# Ticket 4242 does not exist.\n")
    );
    // Garbage content blocks, unknown fields, paths and ids: RT's own error forms.
    assert_eq!(
        rt.post(&format!("ticket/{id}/edit"), "this is not a form")
            .await,
        format!("{V} 409 Syntax Error\n\n# Syntax error near: this is not a form\n")
    );
    assert_eq!(
        rt.post(&format!("ticket/{id}/edit"), "Colour: blue").await,
        format!("{V} 409 Syntax Error\n\n# Colour: Unknown field.\n")
    );
    assert_eq!(
        rt.post("ticket/new", "id: ticket/new\nSubject: no queue")
            .await,
        ok("# Required: id, Queue\n")
    );
    assert_eq!(
        rt.post("ticket/new", "id: ticket/new\nQueue: Nowhere\nSubject: x")
            .await,
        format!("{V} 400 Bad Request\n\n# Could not create ticket. Queue 'Nowhere' not found\n")
    );
    assert_eq!(
        rt.get("ticket/abc/show").await,
        ok("# Ticket abc does not exist.\n")
    );
    assert_eq!(
        rt.get("frobnicate/7").await,
        format!("{V} 400 Bad Request\n\n# Invalid object specification: 'frobnicate/7'\n\nid: frobnicate/7\n")
    );
    assert_eq!(
        rt.post(&format!("ticket/{id}/comment"), "Text: no action")
            .await,
        format!("{V} 400 Bad Request\n\n# Action required.\n")
    );
    assert_eq!(
        rt.post("ticket/4242/comment", "Action: comment\nText: hi")
            .await,
        format!("{V} 400 Bad Request\n\n# Ticket 4242 does not exist.\n")
    );
    assert_eq!(
        rt.get(&format!("ticket/{id}/attachments/999999")).await,
        ok("# Invalid attachment id: 999999\n")
    );
    // A refused create leaves no ticket behind.
    assert_eq!(
        rt.get("search/ticket?query=Subject%3D'x'&format=i").await,
        ok("No matching results.\n")
    );
});

both!(messages_attachments_history, |app: TestApp| async move {
    let rt = Rest1::login(&app).await;
    let id = rt.create("With files").await;
    let blob: Vec<u8> = (0..=255u8).chain([b'\r', b'\n', 0, b'\n']).collect();
    let out = rt
        .multipart(
            &format!("ticket/{id}/comment"),
            &format!("id: {id}\nAction: correspond\nText: see attached\n      second line\nAttachment: blob.bin"),
            vec![("blob.bin", blob.clone(), "application/octet-stream")],
        )
        .await;
    assert_eq!(out, ok("# Correspondence added\n"));
    assert_eq!(
        rt.post(
            &format!("ticket/{id}/comment"),
            &format!("id: {id}\nAction: comment\nText: internal note")
        )
        .await,
        ok("# Comments added\n")
    );

    let list = rt.get(&format!("ticket/{id}/attachments")).await;
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[2], format!("id: ticket/{id}/attachments"));
    let blob_line = lines
        .iter()
        .find(|l| l.contains("blob.bin"))
        .expect("blob listed");
    assert!(
        blob_line.ends_with("blob.bin (application/octet-stream / 260b),"),
        "{blob_line}"
    );
    let att: i64 = blob_line
        .trim_start_matches("Attachments:")
        .trim()
        .split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("attachment id");
    let r = rt
        .client
        .get(format!("{}/ticket/{id}/attachments/{att}/content", rt.base))
        .header("Cookie", &rt.cookie)
        .send()
        .await
        .expect("content");
    let bytes = r.bytes().await.expect("bytes");
    let mut want = format!("{V} 200 Ok\n\n").into_bytes();
    want.extend_from_slice(&blob);
    assert_eq!(
        bytes.to_vec(),
        want,
        "raw bytes exactly after the status line"
    );

    let meta = rt.get(&format!("ticket/{id}/attachments/{att}")).await;
    assert!(meta.contains(&format!("\nid: {att}\n")), "{meta}");
    assert!(meta.contains("\nFilename: blob.bin\nContentType: application/octet-stream\nContentEncoding: base64\n"), "{meta}");
    assert!(meta.contains("\nCreator: "), "{meta}");

    // The staff reply is also mailed to the requestor: once the delivery worker has sent it,
    // an EmailRecord transaction joins the history (RT shows it the same way).
    let mut short = String::new();
    for _ in 0..100 {
        short = rt.get(&format!("ticket/{id}/history")).await;
        if short.contains("Outgoing email recorded") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let body: Vec<&str> = short.lines().skip(2).collect();
    // A staff reply opens a new ticket: RT records that as its own Status transaction.
    assert_eq!(body[0], "# 5/5 (/total)");
    assert_eq!(body[1], "");
    let all: Vec<&str> = body[2..]
        .iter()
        .map(|l| l.split_once(": ").map(|(_, d)| d).unwrap_or_default())
        .collect();
    assert_eq!(
        all.iter()
            .filter(|d| **d == "Outgoing email recorded")
            .count(),
        1,
        "{all:?}"
    );
    let descriptions: Vec<&str> = all
        .into_iter()
        .filter(|d| *d != "Outgoing email recorded")
        .collect();
    assert_eq!(
        descriptions,
        vec![
            "Ticket created",
            "Correspondence added",
            "Status changed from 'new' to 'open'",
            "Comments added"
        ]
    );
    let create_txn: i64 = body[2]
        .split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("txn");

    let one = rt
        .get(&format!("ticket/{id}/history/id/{create_txn}"))
        .await;
    let masked = mask_dates(&one);
    let first_att: Vec<&str> = masked
        .lines()
        .filter(|l| l.starts_with("Attachments: "))
        .collect();
    assert_eq!(first_att.len(), 1);
    assert_eq!(
        masked,
        ok(&format!(
            "# 1/5 (id/{create_txn}/total)\n\nid: {create_txn}\nTicket: {id}\nTimeTaken: 0\nType: Create\nField: \nOldValue: \nNewValue: \nData: \nDescription: Ticket created\n\nContent: first line\n         second line\n\nCreator: root\nCreated: <date>\n{}\n",
            first_att[0]
        ))
    );
    let long = rt.get(&format!("ticket/{id}/history?format=l")).await;
    assert_eq!(
        long.matches("\n--\n").count(),
        4,
        "five records (with the EmailRecord)"
    );
    assert!(long.contains("Type: Correspond\n"));
    assert!(long.contains("Content: see attached\n         second line\n"));
    assert!(long.contains("blob.bin (260b)"));
    let other = rt.create("Other").await;
    assert_eq!(
        rt.get(&format!("ticket/{other}/history/id/{create_txn}"))
            .await,
        ok(&format!(
            "# Transaction {create_txn} is not related to Ticket {other}\n"
        ))
    );
});

both!(search_links_merge_take, |app: TestApp| async move {
    let rt = Rest1::login(&app).await;
    let a = rt.create("Alpha").await;
    let b = rt.create("Beta").await;
    assert_eq!(
        rt.get("search/ticket?query=Queue%3D'General'&format=i&orderby=-id")
            .await,
        ok(&format!("ticket/{b}\nticket/{a}\n"))
    );
    assert_eq!(
        rt.get("search/ticket?query=Queue%3D'General'&format=s")
            .await,
        ok(&format!("{a}: Alpha\n{b}: Beta\n"))
    );
    let l = rt
        .get("search/ticket?query=Queue%3D'General'&format=l&fields=Subject")
        .await;
    assert_eq!(
        l,
        ok(&format!(
            "id: ticket/{a}\nSubject: Alpha\n\n--\n\nid: ticket/{b}\nSubject: Beta\n"
        ))
    );
    assert_eq!(
        rt.get("search/ticket?query=Status%20%3D%20%3E&format=i").await,
        format!("{V} 400 Bad request\n\nInvalid query: 'Wrong query, expecting a VALUE in 'Status = >><--here''\n")
    );

    assert_eq!(
        rt.form(
            "ticket/link",
            &[
                ("id", &a.to_string()),
                ("rel", "refersto"),
                ("to", &b.to_string()),
                ("del", "0")
            ]
        )
        .await,
        ok(&format!(
            "Ticket {a} refers to Ticket {b}. Created link {a} RefersTo {b}\n"
        ))
    );
    assert_eq!(
        rt.get(&format!("ticket/{a}/links/show")).await,
        ok(&format!(
            "id: ticket/{a}/links\nRefersTo: fsck.com-rt://hushdesk.local/ticket/{b}\n"
        ))
    );
    assert_eq!(
        rt.get(&format!("ticket/{b}/links/show")).await,
        ok(&format!(
            "id: ticket/{b}/links\nReferredToBy: fsck.com-rt://hushdesk.local/ticket/{a}\n"
        ))
    );
    assert_eq!(
        rt.post(&format!("ticket/{a}/links"), &format!("DependsOn: {b}"))
            .await,
        ok(&format!("# Links for ticket {a} updated.\n"))
    );
    assert_eq!(
        rt.form(
            "ticket/link",
            &[
                ("id", &a.to_string()),
                ("rel", "dependson"),
                ("to", &b.to_string()),
                ("del", "1")
            ]
        )
        .await,
        ok(&format!(
            "Ticket {a} no longer depends on Ticket {b}. Deleted link {a} DependsOn {b}\n"
        ))
    );

    assert_eq!(
        rt.post(
            &format!("ticket/{a}/take"),
            &format!("Ticket: {a}\nAction: take")
        )
        .await,
        ok("# Owner changed from Nobody to root\n")
    );
    assert_eq!(
        rt.post(
            &format!("ticket/{a}/take"),
            &format!("Ticket: {a}\nAction: steal")
        )
        .await,
        format!("{V} 400 Bad Request\n\n# You already own this ticket\n")
    );
    assert_eq!(
        rt.post(
            &format!("ticket/{a}/take"),
            &format!("Ticket: {a}\nAction: untake")
        )
        .await,
        ok("# Owner changed from root to Nobody\n")
    );
    assert_eq!(
        rt.post(
            &format!("ticket/{a}/take"),
            &format!("Ticket: {a}\nAction: steal")
        )
        .await,
        format!("{V} 400 Bad Request\n\n# You can only steal a ticket owned by someone else\n")
    );
    assert_eq!(
        rt.post(&format!("ticket/{a}/take"), "Action: dance").await,
        format!("{V} 400 Bad Request\n\n# Invalid action\n")
    );

    assert_eq!(
        rt.get(&format!("ticket/{b}/merge/4242")).await,
        ok("# Ticket 4242 does not exist.\n")
    );
    assert_eq!(
        rt.get(&format!("ticket/{b}/merge/{a}")).await,
        ok("# Merge completed.\n")
    );
    let shown = rt.get(&format!("ticket/{b}/show?fields=Subject")).await;
    assert_eq!(shown, ok(&format!("id: ticket/{a}\nSubject: Alpha\n")));
    assert_eq!(
        rt.get("search/ticket?query=Queue%3D'General'&format=i")
            .await,
        ok(&format!("ticket/{a}\n"))
    );
});

both!(users_and_queues, |app: TestApp| async move {
    let rt = Rest1::login(&app).await;
    let out = rt
        .post("edit", "id: user/new\nName: dana\nEmailAddress: dana@example.test\nRealName: Dana D\nPassword: dana-password-1\nPrivileged: 1")
        .await;
    let uid: i64 = out
        .strip_prefix(&ok("# User "))
        .and_then(|r| r.strip_suffix(" created.\n"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{out}"));
    let want = ok(&format!(
        "id: user/{uid}\nPassword: ********\nName: dana\nEmailAddress: dana@example.test\nRealName: Dana D\nGecos: \nComments: \nPrivileged: 1\nDisabled: 0\n"
    ));
    assert_eq!(rt.get("user/dana").await, want);
    assert_eq!(rt.get(&format!("user/{uid}")).await, want);
    assert_eq!(
        rt.post("edit", &format!("id: user/{uid}\nRealName: Dana Q"))
            .await,
        ok(&format!("# User {uid} updated.\n"))
    );
    assert_eq!(
        rt.get("user/ghost").await,
        ok("# No user named ghost exists.\nid: user/ghost\n")
    );
    assert_eq!(
        rt.post("edit", "id: user/new\nName: dana").await,
        format!("{V} 400 Bad Request\n\n# Could not create user. User dana already exists\n")
    );

    let out = rt
        .post(
            "edit",
            "id: queue/new\nName: Support\nDescription: Help\nCorrespondAddress: help@example.test",
        )
        .await;
    let qid: i64 = out
        .strip_prefix(&ok("# Queue "))
        .and_then(|r| r.strip_suffix(" created.\n"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        rt.get("queue/Support").await,
        ok(&format!("id: queue/{qid}\nName: Support\nDescription: Help\nCorrespondAddress: help@example.test\nCommentAddress: \nDisabled: 0\nSLADisabled: 1\n"))
    );
    assert_eq!(
        rt.post("edit", "id: queue/Support\nDescription: More help")
            .await,
        ok("# Queue Support updated.\n")
    );
    assert!(rt
        .get(&format!("queue/{qid}"))
        .await
        .contains("\nDescription: More help\n"));
    assert_eq!(
        rt.post("edit", "id: queue/new\nName: Support").await,
        format!("{V} 400 Bad Request\n\n# Could not create queue.\n")
    );
    assert_eq!(
        rt.get("queue/Nowhere").await,
        ok("# No queue named Nowhere exists.\nid: queue/Nowhere\n")
    );
    assert_eq!(
        rt.post("edit", "id: widget/3\nName: x").await,
        format!("{V} 409 Syntax Error\n\n# Invalid object specification: 'widget/3'\n")
    );
});

both!(
    bad_input_never_fails_the_framing,
    |app: TestApp| async move {
        let rt = Rest1::login(&app).await;
        let id = rt.create("Target").await;
        let paths = [
            String::new(),
            "ticket/new".into(),
            format!("ticket/{id}/edit"),
            format!("ticket/{id}/comment"),
            format!("ticket/{id}/take"),
            format!("ticket/{id}/links"),
            format!("ticket/{id}/merge/x"),
            format!("ticket/{id}/history/id/x"),
            format!("ticket/{id}/attachments/x/content"),
            "ticket/0/show".into(),
            "ticket/99999999999999999999/show".into(),
            "ticket/link".into(),
            "search/ticket?query=(((&orderby=Bogus&format=zz".into(),
            "user/%00".into(),
            "queue/".into(),
            "edit".into(),
            "show?id=zz/1&id=ticket/x".into(),
            "ticket/1/x/y/z".into(),
        ];
        let contents = [
            "",
            "garbage",
            ":",
            "id:",
            "id: ticket/new\nQueue: General\nPriority: abc",
            "id: ticket/new\nQueue: General\nDue: tomorrow",
            "id: ticket/new\nQueue: General\nAttachment: missing.bin",
            "Action: comment\nText:",
            "CF.{: x",
            "CF.{Nope}: 1",
            "id: user/new",
            "id: queue/new\nName: ",
            "id: queue/1\nSortOrder: x",
            "\n\n--\n--\n",
            "DependsOn: 999999",
            "id: user/1\nPrivileged: maybe",
            "id: ticket/1\nOwner: ghost\nQueue: Nowhere",
        ];
        for p in &paths {
            for c in contents {
                let out = rt.post(p, c).await;
                let status = out.lines().next().unwrap_or_default();
                assert!(status.starts_with(&format!("{V} ")), "{p} {c:?}: {out}");
                assert!(!status.contains(" 500 "), "{p} {c:?}: {out}");
            }
        }
        // The target ticket is intact after all that.
        assert_eq!(
            rt.get(&format!("ticket/{id}/show?fields=Subject,Status"))
                .await,
            ok(&format!("id: ticket/{id}\nSubject: Target\nStatus: new\n"))
        );
    }
);
