//! Request bodies: JSON, or RT's multipart form (a `JSON` part plus `Attachments` files).

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest};
use base64::Engine;
use futures_util::StreamExt;
use hushdesk_api::rest2::InlineAttachment;
use serde_json::Value;

use crate::api::error::{ApiError, ApiResult};
use crate::api::AppState;
use crate::domain::mime::FileInput;

pub struct Body {
    pub json: Value,
    pub files: Vec<FileInput>,
}

fn is_multipart(req: &HttpRequest) -> bool {
    req.headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Reads the whole body within the configured limit and parses it.
pub async fn read(
    req: &HttpRequest,
    mut payload: web::Payload,
    state: &AppState,
) -> ApiResult<Body> {
    let limit = state.config.max_body_bytes;
    if is_multipart(req) {
        let mut mp = Multipart::new(req.headers(), payload);
        let mut json = None;
        let mut files = Vec::new();
        let mut total = 0usize;
        while let Some(field) = mp.next().await {
            let mut field =
                field.map_err(|e| ApiError::BadRequest(format!("Invalid multipart body: {e}")))?;
            let name = field.name().unwrap_or("").to_owned();
            let filename = field
                .content_disposition()
                .and_then(|cd| cd.get_filename())
                .map(str::to_owned);
            let content_type = field
                .content_type()
                .map(|m| m.essence_str().to_owned())
                .unwrap_or_default();
            let mut data = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk
                    .map_err(|e| ApiError::BadRequest(format!("Invalid multipart body: {e}")))?;
                total += chunk.len();
                if total > limit {
                    return Err(ApiError::TooLarge);
                }
                data.extend_from_slice(&chunk);
            }
            match name.as_str() {
                "JSON" => {
                    json = Some(serde_json::from_slice(&data).map_err(|e| {
                        ApiError::BadRequest(format!("Invalid JSON in the JSON part: {e}"))
                    })?)
                }
                "Attachments" | "Attachment" => files.push(FileInput {
                    filename: filename.unwrap_or_else(|| "untitled".into()),
                    content_type,
                    content: data,
                }),
                _ => {}
            }
        }
        let json =
            json.ok_or_else(|| ApiError::BadRequest("Multipart body without a JSON part".into()))?;
        return Ok(Body { json, files });
    }
    let mut data = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| match e {
            actix_web::error::PayloadError::Overflow => ApiError::TooLarge,
            other => ApiError::BadRequest(format!("Could not read the body: {other}")),
        })?;
        if data.len() + chunk.len() > limit {
            return Err(ApiError::TooLarge);
        }
        data.extend_from_slice(&chunk);
    }
    if data.iter().all(u8::is_ascii_whitespace) {
        return Ok(Body {
            json: Value::Null,
            files: Vec::new(),
        });
    }
    let json = serde_json::from_slice(&data)
        .map_err(|e| ApiError::BadRequest(format!("Invalid JSON: {e}")))?;
    Ok(Body {
        json,
        files: Vec::new(),
    })
}

/// Decodes `Attachments: [{FileName, FileType, FileContent}]` given inline in JSON.
pub fn inline_files(list: &[InlineAttachment]) -> ApiResult<Vec<FileInput>> {
    list.iter()
        .map(|a| {
            let cleaned: String = a
                .file_content
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let content = base64::engine::general_purpose::STANDARD
                .decode(cleaned.as_bytes())
                .map_err(|_| {
                    ApiError::BadRequest(format!("Attachment {} is not valid base64", a.file_name))
                })?;
            Ok(FileInput {
                filename: a.file_name.clone(),
                content_type: if a.file_type.is_empty() {
                    "application/octet-stream".into()
                } else {
                    a.file_type.clone()
                },
                content,
            })
        })
        .collect()
}

/// A JSON object, or a clear 400.
pub fn object(v: Value) -> ApiResult<serde_json::Map<String, Value>> {
    match v {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(serde_json::Map::new()),
        _ => Err(ApiError::BadRequest("Expected a JSON object".into())),
    }
}

/// Typed view of a JSON value, with the field named in the error.
pub fn typed<T: serde::de::DeserializeOwned>(v: Value, what: &str) -> ApiResult<T> {
    serde_json::from_value(v).map_err(|e| ApiError::BadRequest(format!("Invalid {what}: {e}")))
}

/// Query pairs in order (so `fields[Queue]` and repeated keys survive).
pub fn query_pairs(req: &HttpRequest) -> ApiResult<Vec<(String, String)>> {
    serde_urlencoded::from_str(req.query_string())
        .map_err(|e| ApiError::BadRequest(format!("Invalid query string: {e}")))
}
