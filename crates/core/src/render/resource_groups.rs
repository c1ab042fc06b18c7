//! The check that the resource groups the plan writes into exist, in the three scripts: one
//! look per group, before anything changes, stopping with the group's name and what needs it.

use crate::plan::NeededGroup;
use crate::quote::Quote;
use crate::render::template::Template;
use crate::render::templates::{CheckResourceGroup, SubnetTenantCheck};

/// `template` filled once per group (`subscription`, `resource_group`, `message`, and `tenant`
/// as ` -Tenant '…'` for Az cmdlets). Groups of another tenant (all in one subscription) are
/// preceded by `tenant_check` (an az sign-in check; none for Az cmdlets, which switch tenant).
pub(super) fn check_groups(
    template: Template<CheckResourceGroup<'static>>,
    tenant_check: Option<Template<SubnetTenantCheck<'static>>>,
    q: Quote,
    groups: &[NeededGroup],
    tenant_id: Option<&str>,
) -> String {
    let mut out = String::new();
    if let (Some(tenant), Some(first), Some(check)) = (tenant_id, groups.first(), tenant_check) {
        out += &SubnetTenantCheck {
            subscription_id: &q(&first.subscription_id),
            tenant_id: &q(tenant),
        }
        .fill(check);
    }
    let tenant = tenant_id
        .map(|t| format!(" -Tenant {}", q(t)))
        .unwrap_or_default();
    for group in groups {
        out += &CheckResourceGroup {
            subscription: &q(&group.subscription_id),
            resource_group: &q(&group.name),
            message: &q(&group.missing_message()),
            tenant: &tenant,
        }
        .fill(template);
    }
    out
}
