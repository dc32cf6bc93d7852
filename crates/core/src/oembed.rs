//! oEmbed 1.0 (https://oembed.com): a view's address in, the `rich` answer with the embed
//! snippet out, so a CMS embeds a view when its address is pasted. The server only wires it.

use crate::embed::{embed_address, snippet, EmbedOptions};
use serde::{Deserialize, Serialize};

/// The frame's height when the consumer sets no limit; the resize script adjusts it after.
pub const DEFAULT_HEIGHT: u32 = 600;
pub const DEFAULT_WIDTH: u32 = 800;

/// The oEmbed 1.0 answer of type `rich`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Oembed {
    #[serde(rename = "type")]
    pub kind: String,
    pub version: String,
    pub title: String,
    pub provider_name: String,
    pub provider_url: String,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

/// Why no answer: the spec's 400 (not a readable http(s) address) and 404 (not this site's, or
/// not one of its views).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OembedError {
    #[error("query parameter `url`: expected an http(s) address, got {0:?}")]
    BadUrl(String),
    #[error("{0} is not an address of this Karya ({1})")]
    NotOurs(String, String),
    #[error("{0} is not a view Karya can embed (overview, map, facilities, a facility, product or country)")]
    NotAView(String),
}

/// The views that can be embedded, by path.
fn is_view(path: &str) -> bool {
    let slug = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    match path.trim_end_matches('/') {
        "" | "/map" | "/facilities" => true,
        p => match p.split_once('/').map(|(_, rest)| rest.split_once('/')) {
            Some(Some(("facility" | "product", id))) => slug(id),
            Some(Some(("country", code))) => {
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())
            }
            _ => false,
        },
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(&s[i + 1..i + 3], 16) {
                Ok(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                Err(_) => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The answer for `url` on the site at `origin` (scheme and host, no trailing slash).
pub fn oembed(
    origin: &str,
    url: &str,
    max_width: Option<u32>,
    max_height: Option<u32>,
) -> Result<Oembed, OembedError> {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(OembedError::BadUrl(url.into()));
    };
    if !matches!(scheme, "http" | "https")
        || rest.is_empty()
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(OembedError::BadUrl(url.into()));
    }
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(split);
    if host.is_empty() {
        return Err(OembedError::BadUrl(url.into()));
    }
    let site = origin.trim_end_matches('/');
    if !format!("{scheme}://{host}").eq_ignore_ascii_case(site) {
        return Err(OembedError::NotOurs(url.into(), site.into()));
    }
    let tail = tail.split('#').next().unwrap_or("");
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let path = if path.is_empty() { "/" } else { path };
    if !is_view(path) {
        return Err(OembedError::NotAView(url.into()));
    }
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    let options = EmbedOptions {
        id: "karya".into(),
        ..Default::default()
    };
    let href = embed_address(path, &pairs, &options);
    let width = max_width.map_or(DEFAULT_WIDTH, |w| w.min(DEFAULT_WIDTH));
    let height = max_height.map_or(DEFAULT_HEIGHT, |h| h.min(DEFAULT_HEIGHT));
    let title = format!("Karya · {}", path.trim_matches('/').replace('/', " · "))
        .trim_end_matches(" · ")
        .to_string();
    let html = snippet(site, &href, &title).replacen(
        &format!("height=\"{DEFAULT_HEIGHT}\""),
        &format!("height=\"{height}\""),
        1,
    );
    Ok(Oembed {
        kind: "rich".into(),
        version: "1.0".into(),
        title,
        provider_name: "Karya".into(),
        provider_url: format!("{site}/"),
        html,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://karya.example.id";

    #[test]
    fn a_map_address_gives_its_embed_snippet() {
        let o = oembed(
            SITE,
            "https://karya.example.id/map?lang=en&product=coco-shade",
            None,
            None,
        )
        .unwrap();
        assert_eq!((o.kind.as_str(), o.version.as_str()), ("rich", "1.0"));
        let src =
            "src=\"https://karya.example.id/map?lang=en&amp;product=coco-shade&amp;embed=karya\"";
        assert!(o.html.contains(src), "{}", o.html);
        assert!(o
            .html
            .contains("<script src=\"https://karya.example.id/karya-embed.js\""));
        assert_eq!((o.width, o.height), (DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    #[test]
    fn limits_shrink_the_frame_never_grow_it() {
        let o = oembed(
            SITE,
            "https://karya.example.id/country/ES",
            Some(400),
            Some(300),
        )
        .unwrap();
        assert_eq!((o.width, o.height), (400, 300));
        assert!(o.html.contains("height=\"300\""));
        let big = oembed(SITE, "https://karya.example.id/", Some(5000), Some(5000)).unwrap();
        assert_eq!((big.width, big.height), (DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    #[test]
    fn foreign_and_unknown_addresses_are_404_bad_ones_400() {
        assert!(matches!(
            oembed(SITE, "https://evil.example/map", None, None),
            Err(OembedError::NotOurs(..))
        ));
        assert!(matches!(
            oembed(SITE, "https://karya.example.id.evil/map", None, None),
            Err(OembedError::NotOurs(..))
        ));
        assert!(matches!(
            oembed(SITE, "https://karya.example.id/entry", None, None),
            Err(OembedError::NotAView(_))
        ));
        assert!(matches!(
            oembed(SITE, "https://karya.example.id/facility/../x", None, None),
            Err(OembedError::NotAView(_))
        ));
        for bad in [
            "",
            "map",
            "ftp://karya.example.id/map",
            "https://",
            "https://karya.example.id/map x",
        ] {
            assert!(
                matches!(oembed(SITE, bad, None, None), Err(OembedError::BadUrl(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_address_already_embedded_keeps_one_set_of_options() {
        let o = oembed(
            SITE,
            "https://karya.example.id/product/coco-shade?embed=old&theme=dark",
            None,
            None,
        )
        .unwrap();
        assert_eq!(o.html.matches("embed=").count(), 1, "{}", o.html);
        assert_eq!(percent_decode("a%20b+c%zz"), "a b c%zz");
    }
}
