#pragma once

#include <QString>
#include <QtGlobal>

namespace vigil
{

// One thing worth auditing: who did what to which object and how it ended. Stable action kinds
// ("login", "user.add", "command.operate", "alarm.acknowledge", …) so that the Audit page and
// exports can filter on them. The detail never holds a password or a password hash.
struct AuditEntry {
    qint64 timeMs = 0; // 0: stamped by the writer's clock
    QString user;      // who acted ("alice"; "cli:root" from the command line; "" unknown)
    QString action;    // stable kind, e.g. "login.failed"
    QString target;    // tag id, alarm key, user name, file…
    QString detail;    // "0 → 1", comment, reason…
    QString result;    // "ok", "refused", "failed", "pending"

    bool operator==(const AuditEntry &) const = default;
};

} // namespace vigil
