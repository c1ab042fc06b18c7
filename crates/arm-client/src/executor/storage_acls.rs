//! The BYOS storage firewall PATCH. It replaces `networkAcls` whole, so the REST tab leaves its
//! body to the person's edit; the executor computes it from the storage account as read (its
//! bypass and rules kept) and the subscription's tenant, adding the account as a resource
//! access rule, the way the scripts do.

use serde_json::Value;
use wizard_core::json;

use super::Executor;
use wizard_core::plan::ArmRequest;

impl Executor {
    /// The body to send, when `request` is that PATCH and the storage account and the
    /// subscription were read; `None` otherwise (the request stays refused until edited).
    pub(super) fn storage_acls_body(&self, request: &ArmRequest) -> Option<Value> {
        let path = request.path.to_ascii_lowercase();
        if request.method != "PATCH"
            || !path.contains("/providers/microsoft.storage/storageaccounts/")
        {
            return None;
        }
        let planned = request
            .body
            .as_ref()?
            .pointer("/properties/networkAcls/resourceAccessRules")?
            .as_array()?;
        let account_id = planned
            .iter()
            .find_map(|rule| rule.get("resourceId")?.as_str())?;
        let storage = self.lookup(&path)?.as_ref()?;
        let subscription = format!("/subscriptions/{}", self.plan.target().subscription_id);
        let tenant = self
            .lookup(&subscription.to_ascii_lowercase())?
            .as_ref()?
            .get("tenantId")?
            .as_str()?;
        let now = storage
            .pointer("/properties/networkAcls")
            .cloned()
            .unwrap_or_else(|| json!({}));
        let list = |key: &str| {
            now.get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let mut access = list("resourceAccessRules");
        let listed = access.iter().any(|rule| {
            rule.get("resourceId")
                .and_then(Value::as_str)
                .is_some_and(|id| id.eq_ignore_ascii_case(account_id))
        });
        if !listed {
            access.push(json!({ "tenantId": tenant, "resourceId": account_id }));
        }
        Some(json!({ "properties": { "networkAcls": {
            "defaultAction": "Deny",
            "bypass": now.get("bypass").cloned().unwrap_or_else(|| json!("AzureServices")),
            "ipRules": list("ipRules"),
            "virtualNetworkRules": list("virtualNetworkRules"),
            "resourceAccessRules": access,
        } } }))
    }
}
