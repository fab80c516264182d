#pragma once

#include "alarmdefinition.h"
#include "alarmflags.h"
#include "alarmrule.h"
#include "alarmsource.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace vigil
{

class AlarmState;

// One alarm as the summary page, the shelved list and the detail panel show it. A copy.
struct AlarmSnapshot {
    quint32 id = 0;
    QString key;
    QString tagId;
    QString device;
    AlarmSource source = AlarmSource::Rule;
    AlarmType type = AlarmType::Hi;
    AlarmPriority priority = AlarmPriority::Medium;
    QString message;
    QString detail; // the latest disconnect reason or command failure text
    AlarmFlags flags;
    double value = 0.0; // when it last changed state
    double limit = 0.0;
    qint64 activeTimeMs = 0;  // wall time of the last raise; 0: never
    qint64 clearedTimeMs = 0; // wall time of the last return to normal; 0: never
    qint64 ackTimeMs = 0;     // wall time of the last acknowledge; 0: never
    QString ackUser;
    QString ackComment;
    QString shelveUser;
    QString shelveReason;
    qint64 shelveExpiryMs = 0; // timed shelve: wall time it ends, from the monotonic remainder
    QString outOfServiceUser;
    // Rationalisation texts of the rule, for the detail panel.
    QString cause;
    QString consequence;
    QString action;
    qint64 responseTimeMs = 0;

    // The wall times come from the state's stamps; a timed shelve's end is its monotonic
    // remainder added to the wall time now, so a clock jump moves the shown time, not the expiry.
    static AlarmSnapshot of(const AlarmDefinition &definition, const AlarmState &state,
                            double value, const QString &detail, qint64 wallNowMs,
                            qint64 monoNowMs);
};

// Unacknowledged, actionable alarms by priority: what the banner shows.
struct AlarmCounts {
    int low = 0;
    int medium = 0;
    int high = 0;
    int critical = 0;

    int total() const { return low + medium + high + critical; }
    int of(AlarmPriority p) const;
    void add(AlarmPriority p);
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::AlarmSnapshot)
