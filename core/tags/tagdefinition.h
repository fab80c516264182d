#pragma once

#include "alarms/alarmrule.h"
#include "commandsettings.h"
#include "config/confignode.h"
#include "datatype.h"
#include "scaling.h"

#include <QList>
#include <QString>

namespace vigil
{

// What a tag is, as configured. Immutable once the plant is loaded.
struct TagDefinition {
    QString id;
    QString description;
    QString device;
    QString address; // interpreted by the device's driver
    DataType type = DataType::Float64;
    QString unit;
    Scaling scaling;
    double rangeLo = 0.0; // display range, engineering units
    double rangeHi = 100.0;
    double deadband = 0.0; // absolute, engineering units (a % deadband is resolved at load)
    int decimals = -1;     // display decimals; -1: derived from the range
    bool writable = false;
    double writeMin = 0.0; // engineering units
    double writeMax = 0.0;
    qint64 scanMs = 0;  // scan class for polled drivers; 0: the device's default
    ConfigNode options; // driver-specific per-tag settings (a table, or Null)
    QList<AlarmRule> alarms;
    CommandSettings command; // writable tags: how commands to it are checked and verified
    SourceLocation location;
    SourceLocation addressLocation;

    QString object() const { return QStringLiteral("tag '%1'").arg(id); }
    // Decimals to show: configured, or enough to resolve about 1/1000 of the display range.
    int displayDecimals() const;
};

} // namespace vigil
