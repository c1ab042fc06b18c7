//! Bring your own storage (BYOS): the facts every layer shares (azure-facts §7).

/// Kinds whose accounts accept `properties.userOwnedStorage`, with what the storage holds.
/// Speech is the documented case; Language keeps custom-project data there, and an Azure AI
/// services (Foundry) account uses it for its Speech and Language capabilities (in preview).
const SUPPORTED_KINDS: &[&str] = &["SpeechServices", "TextAnalytics", "AIServices"];

pub fn kind_supports_user_owned_storage(kind: &str) -> bool {
    SUPPORTED_KINDS.contains(&kind)
}

/// Human names of the kinds above, for messages.
pub const SUPPORTED_KINDS_LABEL: &str = "Speech, Language and Azure AI services (Foundry)";

/// Built-in role "Storage Blob Data Contributor": the same ID in every cloud.
pub const STORAGE_BLOB_DATA_CONTRIBUTOR: &str = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
pub const STORAGE_BLOB_DATA_CONTRIBUTOR_NAME: &str = "Storage Blob Data Contributor";

/// Where people ask Microsoft to enable BYOS (and customer-managed keys) for a subscription.
pub const ACCESS_REQUEST_FORM: &str = "https://aka.ms/cogsvc-cmk";
