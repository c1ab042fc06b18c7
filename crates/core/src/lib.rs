//! The pure core: draft → validate → config → plan → renderers.
//!
//! Nothing in here may touch the browser (no leptos, web-sys, gloo or wasm-bindgen): this is a
//! crate of its own, and the test command reads its `cargo tree`. Everything is deterministic and tested natively.

pub mod api_versions;
pub mod arm_values;
pub mod byos;
pub mod cloud;
pub mod config;
pub mod config_file;
pub mod current_state;
pub mod date;
pub mod diagnostics;
pub mod draft;
pub mod draft_json;
pub mod generate;
pub mod highlight;
pub mod http;
pub mod import;
pub mod ip_rules;
pub mod json_fields;
pub mod json_macro;
pub mod json_text;
pub mod names;
pub mod network_diff;
pub mod plan;
pub mod private_endpoints;
pub mod quote;
pub mod reachability;
pub mod render;
pub mod request_bodies;
pub mod resource_kinds;
pub mod rollback;
pub mod share_link;
pub mod storage_account_id;
pub mod storage_draft;
pub mod subnet_id;
pub mod uuid_v5;
pub mod validate;
pub mod zip;

/// Version stamped into every generated artifact's header.
pub const GENERATOR_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Name stamped into every generated artifact's header.
pub const GENERATOR_NAME: &str = "ai-network-wizard";
