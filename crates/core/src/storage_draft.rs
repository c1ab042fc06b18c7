//! The Storage (BYOS) step as typed: which storage account a new resource keeps its data in.

use super::subnet_id::SubnetInput as IdInput;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageDraft {
    /// Include the BYOS step. Off by default: it needs a subscription Microsoft approved.
    pub enabled: bool,
    /// One full resource ID, or its parts typed separately.
    pub input: IdInput,
    pub storage_account_id: String,
    /// Empty means the target's subscription.
    pub subscription_id: String,
    pub resource_group: String,
    pub account_name: String,
    /// The storage account's region, when known: a different region only gets a warning.
    pub region: String,
    /// Also lock the storage account down for speech-to-text (no shared key, no anonymous
    /// access, firewall Deny with a resource-instance rule for the new account).
    pub harden: bool,
    /// The person ticked "I understand this can never be changed".
    pub acknowledge_irreversible: bool,
}
