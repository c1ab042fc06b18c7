//! The check that the resource groups the plan writes into exist, in the three scripts: one
//! look per group, before anything changes, stopping with the group's name and what needs it.

use crate::plan::NeededGroup;
use crate::quote::Quote;
use crate::render::template::{fill, Text};

/// `template` filled once per group (`subscription`, `resource_group`, `message`, and `tenant`
/// as ` -Tenant '…'` for Az cmdlets). Groups of another tenant (all in one subscription) are
/// preceded by `tenant_check` (an az sign-in check; empty for Az cmdlets, which switch tenant).
pub(super) fn check_groups(
    template: &str,
    tenant_check: &str,
    q: Quote,
    groups: &[NeededGroup],
    tenant_id: Option<&str>,
) -> String {
    let mut out = String::new();
    if let (Some(tenant), Some(first)) = (tenant_id, groups.first()) {
        out += &fill(
            tenant_check,
            &[
                Text("subscription_id", &q(&first.subscription_id)),
                Text("tenant_id", &q(tenant)),
            ],
        );
    }
    let tenant = tenant_id
        .map(|t| format!(" -Tenant {}", q(t)))
        .unwrap_or_default();
    for group in groups {
        out += &fill(
            template,
            &[
                Text("subscription", &q(&group.subscription_id)),
                Text("resource_group", &q(&group.name)),
                Text("message", &q(&group.missing_message())),
                Text("tenant", &tenant),
            ],
        );
    }
    out
}
