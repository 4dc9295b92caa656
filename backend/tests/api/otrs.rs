//! The OTRS/Znuny GenericInterface (pyotrs' routes): sessions, tickets, history, links, errors.

use serde_json::{json, Value};

use crate::both;
use crate::helpers::{TestApp, ADMIN_PASSWORD};

fn ws(app: &TestApp, path: &str) -> String {
    let root = app.base.trim_end_matches("/REST/2.0");
    format!("{root}/otrs/nph-genericinterface.pl/Webservice/{path}")
}

async fn call(app: &TestApp, method: reqwest::Method, path: &str, body: &Value) -> Value {
    let url = ws(app, path);
    let req = if method == reqwest::Method::GET {
        let pairs: Vec<(String, String)> = body
            .as_object()
            .map(|m| {
                m.iter()
                    .flat_map(|(k, v)| match v {
                        Value::Array(a) => a
                            .iter()
                            .map(|x| {
                                (
                                    k.clone(),
                                    x.as_str()
                                        .map(str::to_owned)
                                        .unwrap_or_else(|| x.to_string()),
                                )
                            })
                            .collect::<Vec<_>>(),
                        Value::String(s) => vec![(k.clone(), s.clone())],
                        other => vec![(k.clone(), other.to_string())],
                    })
                    .collect()
            })
            .unwrap_or_default();
        app.client.get(url).query(&pairs)
    } else {
        app.client.request(method, url).json(body)
    };
    let r = req.send().await.expect("request");
    assert_eq!(r.status().as_u16(), 200);
    r.json().await.expect("json")
}

async fn session(app: &TestApp, user: &str, password: &str) -> String {
    let v = call(
        app,
        reqwest::Method::POST,
        "GenericTicketConnectorREST/Session",
        &json!({"UserLogin": user, "Password": password}),
    )
    .await;
    let t = v["AccessToken"].as_str().expect("token").to_owned();
    assert_eq!(v, json!({"AccessToken": t, "SessionID": t}));
    t
}

fn error(code: &str, message: &str) -> Value {
    json!({"Error": {"ErrorCode": code, "ErrorMessage": message}})
}

async fn create(app: &TestApp, token: &str, title: &str, extra: Value) -> (String, String) {
    let mut body = json!({
        "AccessToken": token,
        "Ticket": {"Title": title, "Queue": "General", "State": "new", "Priority": "3 normal", "CustomerUser": "alice@example.test"},
        "Article": {"Subject": format!("About {title}"), "Body": format!("Body of {title}"), "MimeType": "text/plain", "Charset": "UTF8", "TimeUnit": 0},
    });
    if let (Some(b), Value::Object(e)) = (body.as_object_mut(), extra) {
        b.extend(e);
    }
    let v = call(
        app,
        reqwest::Method::POST,
        "GenericTicketConnectorREST/Ticket",
        &body,
    )
    .await;
    let id = v["TicketID"].as_str().expect("TicketID").to_owned();
    let article = v["ArticleID"].as_str().expect("ArticleID").to_owned();
    assert_eq!(
        v,
        json!({"TicketID": id, "TicketNumber": id, "ArticleID": article})
    );
    (id, article)
}

both!(session_create_and_get, |app: TestApp| async move {
    let t = session(&app, "root", ADMIN_PASSWORD).await;
    let v = call(
        &app,
        reqwest::Method::GET,
        &format!("GenericTicketConnectorREST/Session/{t}"),
        &json!({}),
    )
    .await;
    assert_eq!(v["AccessTokenData"]["UserLogin"], "root");
    assert_eq!(v["AccessTokenData"]["UserType"], "User");
    assert!(v["SessionData"]
        .as_array()
        .expect("list")
        .contains(&json!({"Key": "UserLogin", "Value": "root"})));
    let v = call(
        &app,
        reqwest::Method::GET,
        "GenericTicketConnectorREST/Session/nonsense",
        &json!({}),
    )
    .await;
    assert_eq!(
        v,
        error(
            "SessionGet.SessionInvalid",
            "SessionGet: SessionID is Invalid!"
        )
    );
    let v = call(
        &app,
        reqwest::Method::POST,
        "GenericTicketConnectorREST/Session",
        &json!({"UserLogin": "root", "Password": "wrong"}),
    )
    .await;
    assert_eq!(
        v,
        error(
            "SessionCreate.AuthFail",
            "SessionCreate: Authorization failing!"
        )
    );
    let v = call(
        &app,
        reqwest::Method::POST,
        "GenericTicketConnectorREST/Session",
        &json!({}),
    )
    .await;
    assert_eq!(
        v,
        error(
            "SessionCreate.MissingParameter",
            "SessionCreate: UserLogin or CustomerUserLogin is required!"
        )
    );
});

both!(
    ticket_create_get_update_history,
    |app: TestApp| async move {
        let (s, v) = app.post("customfield", &json!({"Name": "Severity"})).await;
        assert_eq!(s, 201, "{v}");
        let t = session(&app, "root", ADMIN_PASSWORD).await;
        let (id, art) = create(
        &app,
        &t,
        "Printer on fire",
        json!({
            "DynamicField": [{"Name": "Severity", "Value": "high"}],
            "Attachment": [{"Content": "aGVsbG8A/w==", "ContentType": "application/octet-stream", "Filename": "a.bin"}],
        }),
    )
    .await;
        let mut v = call(
        &app,
        reqwest::Method::GET,
        &format!("GenericTicketConnectorREST/Ticket/{id}"),
        &json!({"AccessToken": t, "AllArticles": 1, "Attachments": 1, "DynamicFields": 1, "HTMLBodyAsAttachment": 0}),
    )
    .await;
        let tk = v["Ticket"][0].as_object_mut().expect("ticket");
        for k in ["Created", "Changed"] {
            assert_eq!(tk.remove(k).expect(k).as_str().expect("date").len(), 19);
        }
        assert!(tk.remove("Age").expect("Age").is_i64());
        let mut article = tk.remove("Article").expect("Article");
        let a = article[0].as_object_mut().expect("article");
        for k in ["CreateTime", "ChangeTime"] {
            assert_eq!(a.remove(k).expect(k).as_str().expect("date").len(), 19);
        }
        assert!(a.remove("IncomingTime").expect("IncomingTime").is_i64());
        assert_eq!(
            Value::Object(a.clone()),
            json!({
                "ArticleID": art, "ArticleNumber": "1", "TicketID": id,
                "ArticleType": "email-external", "CommunicationChannel": "Email",
                "IsVisibleForCustomer": 1, "SenderType": "agent", "From": "root", "To": "", "Cc": "",
                "Subject": "About Printer on fire", "Body": "Body of Printer on fire",
                "MimeType": "text/plain", "Charset": "utf-8", "ContentType": "text/plain; charset=utf-8",
                "TimeUnit": 0, "CreateBy": "3", "ChangeBy": "3",
                "Attachment": [{
                    "FileID": "1", "Filename": "a.bin", "ContentType": "application/octet-stream",
                    "Filesize": "7 Bytes", "FilesizeRaw": "7", "Content": "aGVsbG8A/w==",
                    "ContentAlternative": "", "ContentID": "", "Disposition": "attachment",
                }],
            })
        );
        assert_eq!(
            Value::Object(tk.clone()),
            json!({
                "TicketID": id, "TicketNumber": id, "Title": "Printer on fire",
                "State": "new", "StateID": "1", "StateType": "new",
                "Priority": "3 normal", "PriorityID": "3", "Queue": "General", "QueueID": "1",
                "Lock": "unlock", "LockID": "1", "Owner": "Nobody", "OwnerID": "2",
                "Responsible": "Nobody", "ResponsibleID": "2", "Type": "Unclassified", "TypeID": "1",
                "CustomerUserID": "alice@example.test", "CustomerID": "alice@example.test",
                "CreateBy": "3", "ChangeBy": "3", "ArchiveFlag": "n", "UnlockTimeout": "0",
                "UntilTime": 0, "SLA": "", "SLAID": "", "Service": "", "ServiceID": "", "GroupID": "1",
                "DynamicField": [{"Name": "Severity", "Value": "high"}],
            })
        );

        let v = call(
        &app,
        reqwest::Method::PATCH,
        &format!("GenericTicketConnectorREST/Ticket/{id}"),
        &json!({
            "AccessToken": t, "TicketID": id,
            "Ticket": {"State": "closed successful", "Priority": "5 very high", "Title": "Printer fixed"},
            "Article": {"Subject": "Note", "Body": "internal", "IsVisibleForCustomer": 0, "TimeUnit": 3},
            "DynamicField": {"Name": "Severity", "Value": "low"},
        }),
    )
    .await;
        let note = v["ArticleID"].as_str().expect("ArticleID").to_owned();
        assert_eq!(
            v,
            json!({"TicketID": id, "TicketNumber": id, "ArticleID": note})
        );
        let (_, r) = app.get_json(&format!("ticket/{id}")).await;
        assert_eq!(
            (
                &r["Status"],
                &r["Priority"],
                &r["Subject"],
                &r["TimeWorked"]
            ),
            (
                &json!("resolved"),
                &json!("100"),
                &json!("Printer fixed"),
                &json!("3")
            )
        );
        assert_eq!(r["CustomFields"][0]["values"], json!(["low"]));

        let v = call(
            &app,
            reqwest::Method::GET,
            &format!("GenericTicketConnectorREST/TicketHistory/{id}"),
            &json!({"AccessToken": t}),
        )
        .await;
        let hist = v["TicketHistory"][0]["History"]
            .as_array()
            .expect("history");
        let kinds: Vec<(&str, &str, &str)> = hist
            .iter()
            .map(|e| {
                (
                    e["HistoryType"].as_str().unwrap_or(""),
                    e["Name"].as_str().unwrap_or(""),
                    e["ArticleID"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(v["TicketHistory"][0]["TicketID"], json!(id));
        assert_eq!(
            kinds,
            vec![
                ("NewTicket", "Ticket created", art.as_str()),
                (
                    "Misc",
                    "Subject changed from 'Printer on fire' to 'Printer fixed' by root",
                    "0"
                ),
                (
                    "StateUpdate",
                    "Status changed from 'new' to 'resolved'",
                    "0"
                ),
                (
                    "PriorityUpdate",
                    "Priority changed from '50' to '100' by root",
                    "0"
                ),
                (
                    "TicketDynamicFieldUpdate",
                    "Severity high changed to low by root",
                    "0"
                ),
                ("AddNote", "Comments added", note.as_str()),
            ]
        );
    }
);

both!(search_and_list, |app: TestApp| async move {
    let t = session(&app, "root", ADMIN_PASSWORD).await;
    let (a, _) = create(&app, &t, "zq alpha printer", json!({})).await;
    let (b, _) = create(&app, &t, "zq beta scanner", json!({})).await;
    let search = |q: Value| {
        let app = &app;
        async move {
            call(
                app,
                reqwest::Method::GET,
                "GenericTicketConnectorREST/Ticket",
                &q,
            )
            .await
        }
    };
    assert_eq!(
        search(json!({"AccessToken": t, "Title": "%zq%"})).await,
        json!({"TicketID": [a, b]})
    );
    assert_eq!(
        search(json!({"AccessToken": t, "Title": "%printer%", "Queues": ["General"], "States": ["new"]})).await,
        json!({"TicketID": [a]})
    );
    assert_eq!(
        search(json!({"AccessToken": t, "Title": "%zq%", "SortBy": "TicketNumber", "OrderBy": "Down", "Limit": "1"})).await,
        json!({"TicketID": [b]})
    );
    assert_eq!(
        search(json!({"AccessToken": t, "Title": "%nothing-like-it%"})).await,
        json!({})
    );
    assert_eq!(
        search(json!({"AccessToken": t, "Frobnicate": "1"})).await,
        error(
            "TicketSearch.InvalidParameter",
            "TicketSearch: Search key 'Frobnicate' is not supported!"
        )
    );
    let v = call(
        &app,
        reqwest::Method::GET,
        "GenericTicketConnectorREST/TicketList",
        &json!({"AccessToken": t, "TicketID": format!("{a},{b}")}),
    )
    .await;
    let ids: Vec<&Value> = v["Ticket"]
        .as_array()
        .expect("list")
        .iter()
        .map(|x| &x["TicketID"])
        .collect();
    assert_eq!(ids, vec![&json!(a), &json!(b)]);
});

both!(links_normal_and_parent_child, |app: TestApp| async move {
    let t = session(&app, "root", ADMIN_PASSWORD).await;
    let (a, _) = create(&app, &t, "a", json!({})).await;
    let (b, _) = create(&app, &t, "b", json!({})).await;
    let (c, _) = create(&app, &t, "c", json!({})).await;
    let link = |m: reqwest::Method, p: &'static str, body: Value| {
        let app = &app;
        async move { call(app, m, &format!("GenericLinkConnectorREST/{p}"), &body).await }
    };
    let ok = json!({"Success": 1});
    assert_eq!(
        link(reqwest::Method::POST, "LinkAdd", json!({"AccessToken": t, "SourceObject": "Ticket", "SourceKey": a.parse::<i64>().unwrap(), "TargetObject": "Ticket", "TargetKey": b.parse::<i64>().unwrap(), "Type": "Normal", "State": "Valid"})).await,
        ok
    );
    assert_eq!(
        link(reqwest::Method::POST, "LinkAdd", json!({"AccessToken": t, "SourceObject": "Ticket", "SourceKey": a, "TargetObject": "Ticket", "TargetKey": c, "Type": "ParentChild", "State": "Valid"})).await,
        ok
    );
    assert_eq!(
        link(
            reqwest::Method::GET,
            "LinkList",
            json!({"AccessToken": t, "Object": "Ticket", "Key": a, "State": "Valid"})
        )
        .await,
        json!({"LinkList": [
            {"Object": "Ticket", "Key": b, "Type": "Normal", "Direction": "Target"},
            {"Object": "Ticket", "Key": c, "Type": "ParentChild", "Direction": "Target"},
        ]})
    );
    let (_, r) = app.get_json(&format!("ticket/{c}")).await;
    assert!(r["_hyperlinks"]
        .as_array()
        .expect("links")
        .iter()
        .any(|h| h["ref"] == "parent" && h["id"] == json!(a)));
    assert_eq!(
        link(reqwest::Method::DELETE, "LinkDelete", json!({"AccessToken": t, "Object1": "Ticket", "Key1": b, "Object2": "Ticket", "Key2": a, "Type": "Normal"})).await,
        ok
    );
    assert_eq!(
        link(
            reqwest::Method::GET,
            "LinkList",
            json!({"AccessToken": t, "Object": "Ticket", "Key": c})
        )
        .await,
        json!({"LinkList": [{"Object": "Ticket", "Key": a, "Type": "ParentChild", "Direction": "Source"}]})
    );
    assert_eq!(
        link(
            reqwest::Method::DELETE,
            "LinkDeleteAll",
            json!({"AccessToken": t, "Object": "Ticket", "Key": a})
        )
        .await,
        ok
    );
    assert_eq!(
        link(
            reqwest::Method::GET,
            "LinkList",
            json!({"AccessToken": t, "Object": "Ticket", "Key": a})
        )
        .await,
        json!({})
    );
    assert_eq!(
        link(
            reqwest::Method::POST,
            "LinkAdd",
            json!({"AccessToken": t, "SourceObject": "FAQ", "SourceKey": 1, "TargetKey": 2})
        )
        .await,
        error(
            "LinkAdd.InvalidParameter",
            "LinkAdd: SourceObject 'FAQ' is not supported, only Ticket!"
        )
    );
});

both!(
    errors_are_otrs_objects_with_200,
    |app: TestApp| async move {
        app.user_with_rights(
            "agent1",
            Some("General"),
            &["SeeQueue", "ShowTicket", "CreateTicket", "ModifyTicket"],
        )
        .await;
        let (s, v) = app.post("queue", &json!({"Name": "Secret"})).await;
        assert_eq!(s, 201, "{v}");
        let root = session(&app, "root", ADMIN_PASSWORD).await;
        let agent = session(&app, "agent1", "password-123").await;
        let v = call(
        &app,
        reqwest::Method::POST,
        "GenericTicketConnectorREST/Ticket",
        &json!({"AccessToken": root, "Ticket": {"Title": "s", "Queue": "Secret", "State": "new", "Priority": "3 normal", "CustomerUser": "x@example.test"}, "Article": {"Subject": "s", "Body": "b"}}),
    )
    .await;
        let secret = v["TicketID"].as_str().expect("id").to_owned();
        let get = |tok: &str, id: &str| {
            let app = &app;
            let path = format!("GenericTicketConnectorREST/Ticket/{id}");
            let q = json!({"AccessToken": tok});
            async move { call(app, reqwest::Method::GET, &path, &q).await }
        };
        assert_eq!(
            get(&agent, &secret).await,
            error(
                "TicketGet.AccessDenied",
                "TicketGet: User does not have access to the ticket!"
            )
        );
        assert_eq!(
        get(&root, "999999").await,
        error("TicketGet.NotValidTicketID", "TicketGet: Could not get Ticket data in Kernel::GenericInterface::Operation::Ticket::TicketGet::Run()")
    );
        assert_eq!(
            get("forged", "1").await,
            error(
                "TicketGet.AuthFail",
                "TicketGet: User could not be authenticated!"
            )
        );
        let v = call(
            &app,
            reqwest::Method::GET,
            "GenericTicketConnectorREST/Ticket/1",
            &json!({}),
        )
        .await;
        assert_eq!(
            v,
            error(
                "TicketGet.MissingParameter",
                "TicketGet: UserLogin, CustomerUserLogin or SessionID is required!"
            )
        );
        // credentials may also come with the request itself
        let v = call(
            &app,
            reqwest::Method::GET,
            &format!("GenericTicketConnectorREST/Ticket/{secret}"),
            &json!({"UserLogin": "root", "Password": ADMIN_PASSWORD}),
        )
        .await;
        assert_eq!(v["Ticket"][0]["Queue"], "Secret");

        let r = app
            .client
            .post(ws(&app, "GenericTicketConnectorREST/Ticket"))
            .header("Content-Type", "application/json")
            .body("{garbage")
            .send()
            .await
            .expect("request");
        assert_eq!(r.status().as_u16(), 200);
        let v: Value = r.json().await.expect("json");
        assert_eq!(v["Error"]["ErrorCode"], "TicketCreate.InvalidParameter");
        let v = call(
        &app,
        reqwest::Method::POST,
        "GenericTicketConnectorREST/Ticket",
        &json!({"AccessToken": root, "Ticket": {"Title": "t", "Queue": "General", "State": "new", "Priority": "3 normal"}, "Article": {"Subject": "s", "Body": "b"}}),
    )
    .await;
        assert_eq!(
            v,
            error(
                "TicketCreate.MissingParameter",
                "TicketCreate: Ticket->CustomerUser parameter is missing!"
            )
        );
        let v = call(
            &app,
            reqwest::Method::PATCH,
            &format!("GenericTicketConnectorREST/Ticket/{secret}"),
            &json!({"AccessToken": root, "Ticket": {"State": "bogus"}}),
        )
        .await;
        assert_eq!(
            v,
            error(
                "TicketUpdate.InvalidParameter",
                "TicketUpdate: Ticket->State is invalid!"
            )
        );
        let v = call(
            &app,
            reqwest::Method::PATCH,
            &format!("GenericTicketConnectorREST/Ticket/{secret}"),
            &json!({"AccessToken": agent, "Ticket": {"State": "open"}}),
        )
        .await;
        assert_eq!(
            v,
            error(
                "TicketUpdate.AccessDenied",
                "TicketUpdate: User does not have access to the ticket!"
            )
        );
        let (_, r) = app.get_json(&format!("ticket/{secret}")).await;
        assert_eq!(r["Status"], "new");
        let r = app
            .client
            .get(ws(&app, "NoSuchService/Ticket"))
            .send()
            .await
            .expect("request");
        assert_eq!(r.status().as_u16(), 404);
    }
);

both!(merged_and_html_body, |app: TestApp| async move {
    let t = session(&app, "root", ADMIN_PASSWORD).await;
    let (a, _) = create(&app, &t, "dup", json!({})).await;
    let (b, art) = create(
        &app,
        &t,
        "keep",
        json!({"Article": {"Subject": "html", "Body": "<p>hi</p>", "MimeType": "text/html", "Charset": "utf-8"}}),
    )
    .await;
    let (_, m) = app
        .put(&format!("ticket/{a}"), &json!({"MergeInto": b}))
        .await;
    assert_eq!(m, json!(["Merge Successful"]));
    let v = call(
        &app,
        reqwest::Method::GET,
        &format!("GenericTicketConnectorREST/Ticket/{a}"),
        &json!({"AccessToken": t}),
    )
    .await;
    let tk = &v["Ticket"][0];
    assert_eq!(
        (
            &tk["TicketID"],
            &tk["State"],
            &tk["StateID"],
            &tk["StateType"],
            &tk["Title"]
        ),
        (
            &json!(a),
            &json!("merged"),
            &json!("9"),
            &json!("merged"),
            &json!("keep")
        )
    );
    let v = call(
        &app,
        reqwest::Method::GET,
        &format!("GenericTicketConnectorREST/Ticket/{b}"),
        &json!({"AccessToken": t, "AllArticles": 1, "Attachments": 1, "HTMLBodyAsAttachment": 1}),
    )
    .await;
    let arts = v["Ticket"][0]["Article"].as_array().expect("articles");
    // the merged ticket's article comes along, as in RT's history of the survivor
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["Subject"], "About dup");
    assert_eq!(arts[1]["ArticleID"], json!(art));
    assert_eq!(
        (&arts[1]["MimeType"], &arts[1]["Body"]),
        (&json!("text/html"), &json!("<p>hi</p>"))
    );
    assert_eq!(
        arts[1]["Attachment"],
        json!([{
            "FileID": "1", "Filename": "file-2", "ContentType": "text/html",
            "Filesize": "9 Bytes", "FilesizeRaw": "9", "Content": "PHA+aGk8L3A+",
            "ContentAlternative": "", "ContentID": "", "Disposition": "inline",
        }])
    );
});
