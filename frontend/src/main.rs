//! Entry point of the Hushdesk browser client: mounts the app and nothing else.

mod api;
mod api_wb;
mod app;
mod components;
mod ctx;
mod format;
mod keys;
mod pages;

fn main() {
    // Without the hook, a panic in wasm shows up only as "unreachable executed".
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
