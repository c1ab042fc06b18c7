//! Bring your own storage: the role for the account's identity, the optional storage hardening
//! and the final check (the create step and the values are shared).

use crate::core::byos::STORAGE_BLOB_DATA_CONTRIBUTOR_NAME;
use crate::core::render::template::{fill, Text};

pub(super) fn assign_storage_role() -> String {
    include_str!("templates/assign_storage_role.ps1").to_owned()
}

pub(super) fn harden_storage() -> String {
    include_str!("templates/harden_storage.ps1").to_owned()
}

pub(super) fn verify_user_owned_storage() -> String {
    fill(
        include_str!("templates/verify_user_owned_storage.ps1"),
        &[Text("role_name", STORAGE_BLOB_DATA_CONTRIBUTOR_NAME)],
    )
}
