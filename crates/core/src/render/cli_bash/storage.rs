//! Bring your own storage: its values, the role for the account's identity, the optional
//! storage hardening and the final check.

use crate::byos::{STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_CONTRIBUTOR_NAME};
use crate::config::UserOwnedStorage;
use crate::quote::bash;
use crate::render::templates::cli_bash as templates;
use crate::render::templates::VerifyUserOwnedStorage;

/// The storage lines of the values block; the ID is assembled from them.
pub(super) fn variables(byos: &UserOwnedStorage) -> String {
    let id = &byos.account;
    format!(
        "STORAGE_SUBSCRIPTION_ID={}\n\
STORAGE_RESOURCE_GROUP={}\n\
STORAGE_ACCOUNT_NAME={}\n\
STORAGE_ACCOUNT_ID=\"/subscriptions/${{STORAGE_SUBSCRIPTION_ID}}/resourceGroups/${{STORAGE_RESOURCE_GROUP}}/providers/Microsoft.Storage/storageAccounts/${{STORAGE_ACCOUNT_NAME}}\"\n\
# {STORAGE_BLOB_DATA_CONTRIBUTOR_NAME}: a built-in role, the same ID in every cloud\n\
STORAGE_ROLE_ID={}\n",
        bash(&id.subscription_id),
        bash(&id.resource_group),
        bash(&id.name),
        bash(STORAGE_BLOB_DATA_CONTRIBUTOR),
    )
}

pub(super) fn assign_storage_role() -> String {
    templates::ASSIGN_STORAGE_ROLE.to_owned()
}

pub(super) fn harden_storage() -> String {
    templates::HARDEN_STORAGE.to_owned()
}

pub(super) fn verify_user_owned_storage() -> String {
    VerifyUserOwnedStorage {
        role_name: STORAGE_BLOB_DATA_CONTRIBUTOR_NAME,
    }
    .fill(templates::VERIFY_USER_OWNED_STORAGE)
}
