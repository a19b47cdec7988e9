// Administration commands (docs/domain.md §5, "Quản trị"): blocks, clusters, units, user accounts and the
// title catalogue. Every one runs through executeCommand (role check → zod → one transaction → audit).
//
// Invariants kept here:
// - An enabled account always points at an active scope: a secretariat at an active cluster, a unit
//   officer/head at an active member unit (whose cluster is active). So a unit cannot be deactivated
//   while it has enabled accounts, nor a cluster while it has active member units or enabled accounts;
//   an account cannot be created in, moved to or re-enabled in an inactive scope.
// - A sub-unit hangs under an active member unit of the same cluster (one level only); deactivating a
//   member unit deactivates its sub-units with it; a sub-unit can be re-activated only under an active parent.
// - Moving a member unit to another cluster moves its sub-units and its accounts with it.
// - Whether a unit is a member unit or a sub-unit (and which parent) can change only while no officer,
//   account or sub-unit depends on it.
// - An admin can neither disable nor demote themselves (so there is always an enabled admin).
// - Audit before/after never contain a password hash.
// - A password the admin sets (creating an account, resetting one) meets the policy
//   (src/domain/password-policy.ts) and must be changed by its user at the next sign-in.
export { updateTitle } from "./titles";
export { createTitle, createTitleRuleVersion, updateTitleRuleVersion } from "./title-rules";
export { createUser, updateUser, setUserDisabled, resetUserPassword } from "./users";
export { createBlock, updateBlock } from "./blocks";
export { createCluster, updateCluster, setClusterActive } from "./clusters";
export { createUnit, updateUnit, setUnitActive } from "./units";
