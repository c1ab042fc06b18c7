//! Private DNS objects that exist under another name than the plan's. A private endpoint has at
//! most one zone group, of any name (a second is refused), and a zone links to a virtual
//! network once, under any name (a second link is refused). The plan's steps list them first
//! (the REST tab says what to do with the answer); the runner acts on what the list shows, as
//! the scripts do: the existing group keeps its name and its zones, an existing link to the
//! same network is reused whatever its name.

use serde_json::Value;

use super::Executor;
use wizard_core::json;
use wizard_core::plan::{ArmRequest, DEFAULT_ZONE_GROUP};

const ZONE_GROUPS: &str = "/privatednszonegroups";
const LINKS: &str = "/virtualnetworklinks";

impl Executor {
    /// `requests[from..]` with the zone group's name as listed by a read of the endpoint's zone
    /// groups (in `requests`, already answered) in place of the plan's `default`.
    pub(super) fn with_listed_zone_group(&self, requests: &mut [ArmRequest], from: usize) {
        let lists: Vec<(String, String)> = requests
            .iter()
            .filter(|r| r.method == "GET" && r.path.to_ascii_lowercase().ends_with(ZONE_GROUPS))
            .filter_map(|r| {
                let listed = self.lookup(&r.path.to_ascii_lowercase())?.as_ref()?;
                let name = listed
                    .get("value")?
                    .as_array()?
                    .first()?
                    .get("name")?
                    .as_str()?;
                Some((format!("{}/{DEFAULT_ZONE_GROUP}", r.path), name.to_owned()))
            })
            .collect();
        for (planned, name) in lists {
            for request in requests.iter_mut().skip(from) {
                if request.path.eq_ignore_ascii_case(&planned) {
                    let keep = request.path.len() - DEFAULT_ZONE_GROUP.len();
                    request.path = format!("{}{name}", &request.path[..keep]);
                }
            }
        }
    }

    /// The body of a zone group PUT when the group exists (read in the same step): its zones
    /// kept, the plan's missing ones added, so no zone's records are dropped. `None` for any
    /// other request or a new group (the plan's body goes as it is).
    pub(super) fn zone_group_keeping_zones(&self, request: &ArmRequest) -> Option<Value> {
        let path = request.path.to_ascii_lowercase();
        let (_, name) = last_under(&path, ZONE_GROUPS)?;
        if request.method != "PUT" || name.contains('/') {
            return None;
        }
        let current = self.lookup(&path)?.as_ref()?;
        let configs = |group: &Value| -> Vec<(String, String)> {
            let listed = group.pointer("/properties/privateDnsZoneConfigs");
            listed
                .and_then(Value::as_array)
                .map(|configs| {
                    configs
                        .iter()
                        .filter_map(|c| {
                            let zone = c.pointer("/properties/privateDnsZoneId")?.as_str()?;
                            let name = c.get("name").and_then(Value::as_str).unwrap_or_default();
                            Some((name.to_owned(), zone.to_owned()))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut kept = configs(current);
        for (name, zone) in configs(request.body.as_ref()?) {
            if !kept.iter().any(|(_, z)| z.eq_ignore_ascii_case(&zone)) {
                kept.push((name, zone));
            }
        }
        let configs: Vec<Value> = kept
            .iter()
            .map(|(name, zone)| json!({ "name": name, "properties": { "privateDnsZoneId": zone } }))
            .collect();
        Some(json!({ "properties": { "privateDnsZoneConfigs": configs } }))
    }

    /// A link PUT whose zone is linked to the same virtual network already, under any name (the
    /// list read in the same step says): that link's name.
    pub(super) fn linked_already(
        &self,
        request: &ArmRequest,
        requests: &[ArmRequest],
    ) -> Option<String> {
        let path = request.path.to_ascii_lowercase();
        let (zone, name) = last_under(&path, LINKS)?;
        if request.method != "PUT" || name.contains('/') {
            return None;
        }
        let wanted = request
            .body
            .as_ref()?
            .pointer("/properties/virtualNetwork/id")?
            .as_str()?;
        let list = format!("{zone}{LINKS}");
        requests
            .iter()
            .find(|r| r.method == "GET" && r.path.eq_ignore_ascii_case(&list))?;
        let listed = self.lookup(&list)?.as_ref()?.get("value")?.as_array()?;
        listed
            .iter()
            .find(|link| {
                link.pointer("/properties/virtualNetwork/id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.eq_ignore_ascii_case(wanted))
            })
            .map(|link| {
                link.get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("another link")
                    .to_owned()
            })
    }
}

/// `…{collection}/{name}`: the path before the collection, and the name (the last segment).
/// (Split at the last `/` with a char, not at a text: that search has code of its own.)
fn last_under<'p>(path: &'p str, collection: &str) -> Option<(&'p str, &'p str)> {
    let (head, name) = path.rsplit_once('/')?;
    Some((head.strip_suffix(collection)?, name))
}
