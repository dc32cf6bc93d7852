//! oEmbed discovery: the `index.html` served for a view carries
//! `<link rel="alternate" type="application/json+oembed">` naming that view, so a CMS that reads
//! the page (it runs no script) finds the provider; and the site's public origin, shared with
//! the provider endpoint.

use axum::http::{header, HeaderMap};

/// `KARYA_PUBLIC_URL` when set (behind a proxy), else the host the request came to.
pub fn public_origin(headers: &HeaderMap) -> String {
    if let Ok(url) = std::env::var("KARYA_PUBLIC_URL") {
        if !url.trim().is_empty() {
            return url.trim().trim_end_matches('/').to_string();
        }
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// `html` with the discovery link of the view at `path_and_query` before `</head>`; unchanged
/// for an address that is not an embeddable view.
pub fn with_discovery(html: &str, origin: &str, path_and_query: &str) -> String {
    let page = format!("{origin}{path_and_query}");
    let Ok(answer) = karya_core::oembed::oembed(origin, &page, None, None) else {
        return html.to_string();
    };
    let link = format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
        attr_escape(&format!(
            "{origin}/api/v1/oembed?url={}&format=json",
            karya_core::url::url_encode(&page)
        )),
        attr_escape(&answer.title)
    );
    match html.find("</head>") {
        Some(at) => format!("{}{link}{}", &html[..at], &html[at..]),
        None => html.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_gets_its_link_and_other_pages_none() {
        let html = "<html><head><title>Karya</title></head><body></body></html>";
        let out = with_discovery(html, "http://k.example", "/map?lang=en");
        assert!(out.contains(
            "href=\"http://k.example/api/v1/oembed?url=http%3A%2F%2Fk.example%2Fmap%3Flang%3Den&amp;format=json\""
        ), "{out}");
        assert!(out.find("application/json+oembed").unwrap() < out.find("</head>").unwrap());
        assert_eq!(with_discovery(html, "http://k.example", "/entry"), html);
    }
}
