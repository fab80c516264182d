#pragma once

#include "sourcelocation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vigil
{

// The [history] table of the plant file: what the historian records and keeps.
//   [history]
//   record = true            # false: this panel only reads a shared history database
//   heartbeat = "60s"        # flat signals still get a point this often ("0s": off)
//   retention = "400d"       # default age limit ("0s": keep until max_size forces a purge)
//   max_size = "2GB"         # total size limit of the stored history (0: none)
//   queue_capacity = 1000000 # samples held in memory while the database is unavailable
//   [[history.groups]]       # per tag group, first matching group wins
//   name = "fast"
//   tags = ["VT*", "PT101"]  # tag ids, '*' and '?' wildcards
//   retention = "30d"
//   heartbeat = "10s"
struct HistoryConfig {
    struct Group {
        QString name;
        QStringList patterns;
        qint64 retentionMs = -1; // -1: the default
        qint64 heartbeatMs = -1;
        SourceLocation location;
    };

    bool record = true;
    qint64 heartbeatMs = 60'000;
    qint64 retentionMs = 0;  // 0: no age limit
    qint64 maxSizeBytes = 0; // 0: no size limit
    qint64 queueCapacity = 1'000'000;
    QList<Group> groups;

    struct TagSettings {
        qint64 heartbeatMs;
        qint64 retentionMs;
    };
    // The settings that apply to a tag id (its first matching group, else the defaults).
    TagSettings settingsFor(const QString &tagId) const;
    // The index of the first group whose patterns match the id, or -1.
    int groupOf(const QString &tagId) const;
    static bool matches(const QString &pattern, const QString &tagId);
};

} // namespace vigil
