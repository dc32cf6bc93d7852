//! Security headers. The app's pages get a Content-Security-Policy that lets the wasm app run
//! (`'wasm-unsafe-eval'`) and allows no inline script but the one Trunk writes into
//! `index.html`, by its hash; `frame-ancestors` names who may embed Karya (our own origin and the
//! configured portals). Every answer gets `X-Content-Type-Options: nosniff`.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::Arc;

/// What the policy needs to know: where `index.html` is, and who may frame the app.
#[derive(Debug, Clone)]
pub struct Policy {
    pub index: PathBuf,
    /// Origins such as `https://portal.kemenimipas.go.id`; `'self'` is always allowed.
    pub frame_ancestors: Vec<String>,
}

/// `'sha256-…'` of each inline `<script>` (one without `src`) in `html`, as CSP wants it.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + close];
        if !tag.contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// The policy of the app's pages.
pub fn content_security_policy(script_hashes: &[String], frame_ancestors: &[String]) -> String {
    let scripts = script_hashes.join(" ");
    let ancestors = std::iter::once("'self'")
        .chain(frame_ancestors.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {scripts}")
            .trim_end()
            .to_string(),
        // The app sets `style` attributes (tooltip positions); no style element is inline.
        "style-src 'self'".to_string(),
        "style-src-attr 'unsafe-inline'".to_string(),
        // Downloads draw the map as an image from a blob, then save it as a data URL.
        "img-src 'self' data: blob:".to_string(),
        "connect-src 'self'".to_string(),
        "font-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
        format!("frame-ancestors {ancestors}"),
    ]
    .join("; ")
}

/// Adds `nosniff` to every answer, and the policy to the app's pages. The hashes are read from
/// `index.html` when a page is served, so a rebuilt app is covered without a restart.
pub async fn security_headers(
    State(policy): State<Arc<Policy>>,
    req: Request,
    next: Next,
) -> Response {
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let html = tokio::fs::read_to_string(&policy.index)
            .await
            .unwrap_or_default();
        let csp = content_security_policy(&inline_script_hashes(&html), &policy.frame_ancestors);
        if let Ok(value) = HeaderValue::from_str(&csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = r#"<script type="module">alert(1)</script><script src="/a.js"></script>
            <script>
x()
</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            hashes[0],
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn the_policy_allows_wasm_and_the_configured_portals_only() {
        let csp = content_security_policy(
            &["'sha256-abc'".into()],
            &["https://portal.example.go.id".into()],
        );
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(csp.contains("frame-ancestors 'self' https://portal.example.go.id"));
        // The one `'unsafe-inline'` is for style attributes, never for scripts.
        assert_eq!(csp.matches("'unsafe-inline'").count(), 1);
        assert!(csp.contains("style-src-attr 'unsafe-inline'"));
        assert!(content_security_policy(&[], &[]).ends_with("frame-ancestors 'self'"));
    }
}
