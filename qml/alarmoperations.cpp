#include "alarmoperations.h"

#include "alarms/alarmengine.h"
#include "alarmsound.h"
#include "alarmtext.h"
#include "permissiontext.h"
#include "security/auditentry.h"
#include "security/securityservice.h"
#include "security/session.h"

#include <QMetaObject>

namespace vigil
{

AlarmOperations::AlarmOperations(AlarmEngine *engine, qint64 maxShelveMs, Session *session,
                                 SecurityService *security, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_session(session)
    , m_security(security)
{
    connect(m_session, &Session::changed, this, &AlarmOperations::permissionsChanged);
    m_shelveChoices.append(QVariantMap{{QStringLiteral("text"), tr("Until it returns to normal")},
                                       {QStringLiteral("ms"), 0.0}});
    bool maxOffered = false;
    for (const qint64 ms : {qint64(600'000), qint64(3'600'000), qint64(8 * 3'600'000)}) {
        if (ms > maxShelveMs)
            break;
        maxOffered = ms == maxShelveMs;
        m_shelveChoices.append(QVariantMap{{QStringLiteral("text"), AlarmText::duration(ms)},
                                           {QStringLiteral("ms"), double(ms)}});
    }
    if (!maxOffered && maxShelveMs > 0) {
        m_shelveChoices.append(
            QVariantMap{{QStringLiteral("text"),
                         tr("%1 (longest allowed)").arg(AlarmText::duration(maxShelveMs))},
                        {QStringLiteral("ms"), double(maxShelveMs)}});
    }
}

QString AlarmOperations::userName() const
{
    return m_session->user();
}

QString AlarmOperations::refusal(Permission permission, const QString &what) const
{
    return PermissionText::refusal(*m_session, permission, what);
}

QString AlarmOperations::acknowledgeRefusal() const
{
    return refusal(Permission::AcknowledgeAlarm, tr("Log in as %1 to acknowledge"));
}

QString AlarmOperations::shelveRefusal() const
{
    return refusal(Permission::ShelveAlarm, tr("Log in as %1 to shelve"));
}

QString AlarmOperations::outOfServiceRefusal() const
{
    return refusal(Permission::AlarmOutOfService, tr("Log in as %1 to take alarms out of service"));
}

QString AlarmOperations::silenceRefusal() const
{
    return refusal(Permission::SilenceAlarms, tr("Log in as %1 to silence"));
}

AuditEntry AlarmOperations::entry(const QString &action, const QString &detail) const
{
    AuditEntry e;
    e.user = userName();
    e.action = action;
    e.detail = detail;
    return e;
}

bool AlarmOperations::permitted(Permission permission, const QString &action, const QString &target)
{
    if (m_session->allowed(permission))
        return true;
    AuditEntry e = entry(action, QStringLiteral("needs %1").arg(permissionName(permission)));
    e.target = target;
    e.result = QStringLiteral("refused");
    m_security->audit(e);
    switch (permission) {
    case Permission::AcknowledgeAlarm:
        finish(acknowledgeRefusal());
        break;
    case Permission::ShelveAlarm:
        finish(shelveRefusal());
        break;
    case Permission::AlarmOutOfService:
        finish(outOfServiceRefusal());
        break;
    default:
        finish(silenceRefusal());
        break;
    }
    return false;
}

template<typename Op, typename Report>
void AlarmOperations::post(const QList<quint32> &ids, AuditEntry audit, Op op, Report report)
{
    AlarmEngine *engine = m_engine;
    const QPointer<AlarmOperations> self(this);
    QMetaObject::invokeMethod(
        engine,
        [engine, self, ids, audit, op, report] {
            Answer answer;
            answer.count = int(op(*engine));
            QStringList keys;
            for (quint32 id : ids) {
                if (id < engine->alarmCount())
                    keys.append(engine->definition(id).key);
            }
            answer.keys = keys.join(QStringLiteral(", "));
            // The core thread stops before the screens' adapters are destroyed.
            if (self) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, report, answer, audit]() mutable {
                        audit.target = answer.keys;
                        audit.result =
                            answer.count > 0 ? QStringLiteral("ok") : QStringLiteral("failed");
                        self->m_security->audit(audit);
                        self->finish(report(answer.count));
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void AlarmOperations::finish(const QString &text)
{
    m_status = text;
    emit completed(text);
}

void AlarmOperations::acknowledge(const QList<int> &alarmIds, const QString &comment)
{
    QList<quint32> ids;
    for (int id : alarmIds) {
        if (id >= 0)
            ids.append(quint32(id));
    }
    const QString action = QStringLiteral("alarm.acknowledge");
    if (!permitted(Permission::AcknowledgeAlarm, action, {}))
        return;
    const QString user = userName();
    const QString trimmed = comment.trimmed();
    post(
        ids, entry(action, trimmed),
        [ids, user, trimmed](AlarmEngine &e) { return e.acknowledge(ids, user, trimmed); },
        [](int n) {
            return n > 0 ? tr("%n alarm(s) acknowledged", nullptr, n)
                         : tr("Nothing to acknowledge");
        });
}

bool AlarmOperations::shelve(int alarmId, const QString &reason, double durationMs)
{
    if (!permitted(Permission::ShelveAlarm, QStringLiteral("alarm.shelve"), {}))
        return false;
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        finish(tr("Not shelved: a reason is required"));
        return false;
    }
    const QString user = userName();
    const qint64 ms = qint64(durationMs);
    const QString detail = ms > 0 ? QStringLiteral("%1 (%2 ms)").arg(why).arg(ms)
                                  : QStringLiteral("%1 (one-shot)").arg(why);
    post(
        {quint32(alarmId)}, entry(QStringLiteral("alarm.shelve"), detail),
        [alarmId, user, why, ms](AlarmEngine &e) {
            return e.shelve(quint32(alarmId), user, why, ms);
        },
        [](bool ok) { return ok ? tr("Alarm shelved") : tr("Not shelved: unknown alarm"); });
    return true;
}

void AlarmOperations::unshelve(int alarmId)
{
    if (!permitted(Permission::ShelveAlarm, QStringLiteral("alarm.unshelve"), {}))
        return;
    const QString user = userName();
    post(
        {quint32(alarmId)}, entry(QStringLiteral("alarm.unshelve"), {}),
        [alarmId, user](AlarmEngine &e) { return e.unshelve(quint32(alarmId), user); },
        [](bool ok) { return ok ? tr("Alarm unshelved") : tr("The alarm was not shelved"); });
}

void AlarmOperations::setOutOfService(int alarmId, bool outOfService, const QString &comment)
{
    const QString action =
        outOfService ? QStringLiteral("alarm.out-of-service") : QStringLiteral("alarm.in-service");
    if (!permitted(Permission::AlarmOutOfService, action, {}))
        return;
    const QString user = userName();
    const QString trimmed = comment.trimmed();
    post(
        {quint32(alarmId)}, entry(action, trimmed),
        [alarmId, outOfService, user, trimmed](AlarmEngine &e) {
            return e.setOutOfService(quint32(alarmId), outOfService, user, trimmed);
        },
        [outOfService](bool ok) {
            if (outOfService)
                return ok ? tr("Alarm taken out of service") : tr("Already out of service");
            return ok ? tr("Alarm returned to service") : tr("Already in service");
        });
}

void AlarmOperations::reset(int alarmId)
{
    if (!permitted(Permission::AcknowledgeAlarm, QStringLiteral("alarm.reset"), {}))
        return;
    const QString user = userName();
    post(
        {quint32(alarmId)}, entry(QStringLiteral("alarm.reset"), {}),
        [alarmId, user](AlarmEngine &e) { return e.reset(quint32(alarmId), user); },
        [](bool ok) {
            return ok ? tr("Alarm reset") : tr("Nothing to reset: the alarm is not latched");
        });
}

void AlarmOperations::silence(AlarmSound *sound)
{
    if (!sound || !permitted(Permission::SilenceAlarms, QStringLiteral("alarm.silence"), {}))
        return;
    const bool wasSounding = sound->sounding();
    sound->silence();
    AuditEntry e = entry(QStringLiteral("alarm.silence"), {});
    e.result = wasSounding ? QStringLiteral("ok") : QStringLiteral("failed");
    m_security->audit(e);
    finish(wasSounding ? tr("Alarm sound silenced") : tr("Nothing to silence"));
}

} // namespace vigil
