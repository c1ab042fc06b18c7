//! Azure AI network-isolation wizard.
//!
//! - `core`: the pure pipeline (draft → validate → config → plan → renderers), no browser.
//! - `cli`: the native `wizard-cli` command around it.
//! - `ui`: the Leptos shell, compiled for wasm32 only.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
