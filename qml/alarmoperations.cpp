#include "alarmoperations.h"

#include "alarms/alarmengine.h"
#include "alarmtext.h"

#include <QMetaObject>

namespace vigil
{

AlarmOperations::AlarmOperations(AlarmEngine *engine, qint64 maxShelveMs, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
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

QString AlarmOperations::userName()
{
    // Nobody logs in yet: every operation is recorded for "operator". This is the one place the
    // logged-in user's name will come from.
    return QStringLiteral("operator");
}

template<typename Op, typename Report>
void AlarmOperations::post(Op op, Report report)
{
    AlarmEngine *engine = m_engine;
    const QPointer<AlarmOperations> self(this);
    QMetaObject::invokeMethod(
        engine,
        [engine, self, op, report] {
            const auto result = op(*engine);
            // The core thread stops before the screens' adapters are destroyed.
            if (self) {
                QMetaObject::invokeMethod(
                    self.data(), [self, report, result] { self->finish(report(result)); },
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
    const QString user = userName();
    const QString trimmed = comment.trimmed();
    post([ids, user, trimmed](AlarmEngine &e) { return e.acknowledge(ids, user, trimmed); },
         [](int n) {
             return n > 0 ? tr("%n alarm(s) acknowledged", nullptr, n)
                          : tr("Nothing to acknowledge");
         });
}

bool AlarmOperations::shelve(int alarmId, const QString &reason, double durationMs)
{
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        finish(tr("Not shelved: a reason is required"));
        return false;
    }
    const QString user = userName();
    const qint64 ms = qint64(durationMs);
    post([alarmId, user, why,
          ms](AlarmEngine &e) { return e.shelve(quint32(alarmId), user, why, ms); },
         [](bool ok) { return ok ? tr("Alarm shelved") : tr("Not shelved: unknown alarm"); });
    return true;
}

void AlarmOperations::unshelve(int alarmId)
{
    const QString user = userName();
    post([alarmId, user](AlarmEngine &e) { return e.unshelve(quint32(alarmId), user); },
         [](bool ok) { return ok ? tr("Alarm unshelved") : tr("The alarm was not shelved"); });
}

void AlarmOperations::setOutOfService(int alarmId, bool outOfService, const QString &comment)
{
    const QString user = userName();
    const QString trimmed = comment.trimmed();
    post(
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
    const QString user = userName();
    post([alarmId, user](AlarmEngine &e) { return e.reset(quint32(alarmId), user); },
         [](bool ok) {
             return ok ? tr("Alarm reset") : tr("Nothing to reset: the alarm is not latched");
         });
}

} // namespace vigil
