//! Files the visitor can take away: CSV of a table, SVG and PNG of a map. Built in the
//! browser from what is on screen, so a download is exactly the view.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn save_blob(blob: &web_sys::Blob, filename: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

fn blob(content: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys_array(content);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

fn js_sys_array(content: &str) -> JsValue {
    // A one-element array of strings, without pulling in js-sys for it.
    let array = js_array_new();
    array_push(&array, &JsValue::from_str(content));
    array
}

#[wasm_bindgen(
    inline_js = "export function js_array_new() { return []; } export function array_push(a, v) { a.push(v); }"
)]
extern "C" {
    fn js_array_new() -> JsValue;
    fn array_push(array: &JsValue, value: &JsValue);
}

/// Saves `content` as a file; the BOM lets spreadsheet programs read UTF-8 names right.
pub fn download_csv(filename: &str, content: &str) {
    let _ = blob(&format!("\u{feff}{content}"), "text/csv;charset=utf-8")
        .and_then(|b| save_blob(&b, filename));
}

/// The SVG element's markup as a standalone file.
pub fn svg_markup(svg: &web_sys::Element) -> String {
    let markup = svg.outer_html();
    if markup.contains("xmlns=") {
        markup
    } else {
        markup.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1)
    }
}

pub fn download_svg(filename: &str, svg: &web_sys::Element) {
    let _ = blob(&svg_markup(svg), "image/svg+xml").and_then(|b| save_blob(&b, filename));
}

/// Draws the SVG on a canvas at `width` pixels and saves it as PNG.
pub fn download_png(filename: &str, svg: &web_sys::Element, width: u32, height: u32) {
    let filename = filename.to_string();
    let Ok(svg_blob) = blob(&svg_markup(svg), "image/svg+xml") else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&svg_blob) else {
        return;
    };
    let src = url.clone();
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let img = image.clone();
    let onload = Closure::once(move || {
        let draw = || -> Result<(), JsValue> {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .ok_or("no document")?;
            let canvas: web_sys::HtmlCanvasElement =
                document.create_element("canvas")?.unchecked_into();
            canvas.set_width(width);
            canvas.set_height(height);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .unchecked_into();
            ctx.set_fill_style_str(karya_core::colour::WHITE);
            ctx.fill_rect(0.0, 0.0, width as f64, height as f64);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                width as f64,
                height as f64,
            )?;
            let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
            a.set_href(&canvas.to_data_url_with_type("image/png")?);
            a.set_download(&filename);
            a.click();
            web_sys::Url::revoke_object_url(&url)
        };
        let _ = draw();
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    // The closure runs once, when the image has loaded; it must outlive this function.
    onload.forget();
    image.set_src(&src);
}
