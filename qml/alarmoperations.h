#pragma once

#include "alarmsound.h"
#include "security/permission.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace vigil
{

class AlarmEngine;
class SecurityService;
class Session;
struct AuditEntry;

// The logged-in user's actions on alarms, from the alarm screens. Each needs its permission in
// the session (refused with a translated reason otherwise) and is audited with its result. The
// engine lives on the core thread: every operation is posted to it (queued) with the user's name
// and never waits; its result comes back as statusText, and the changed alarms reach the lists
// through the engine's alarmsChanged().
class AlarmOperations : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmOperations is created by the application")
    Q_PROPERTY(QString userName READ userName NOTIFY permissionsChanged)
    // {text, ms} for each offered shelving duration: one-shot (ms 0) and timed ones up to the
    // engine's maximum.
    Q_PROPERTY(QVariantList shelveChoices READ shelveChoices CONSTANT)
    Q_PROPERTY(QString statusText READ statusText NOTIFY completed)
    // Why each kind of operation is not possible now ("Log in as an operator to acknowledge");
    // empty when the session may do it.
    Q_PROPERTY(QString acknowledgeRefusal READ acknowledgeRefusal NOTIFY permissionsChanged)
    Q_PROPERTY(QString shelveRefusal READ shelveRefusal NOTIFY permissionsChanged)
    Q_PROPERTY(QString outOfServiceRefusal READ outOfServiceRefusal NOTIFY permissionsChanged)
    Q_PROPERTY(QString silenceRefusal READ silenceRefusal NOTIFY permissionsChanged)
public:
    // The engine, session and security service must outlive this object.
    AlarmOperations(AlarmEngine *engine, qint64 maxShelveMs, Session *session,
                    SecurityService *security, QObject *parent = nullptr);

    // Who the operations are recorded for: the logged-in user ("" when nobody).
    QString userName() const;
    QVariantList shelveChoices() const { return m_shelveChoices; }
    QString statusText() const { return m_status; }
    QString acknowledgeRefusal() const;
    QString shelveRefusal() const;
    QString outOfServiceRefusal() const;
    QString silenceRefusal() const;

    // Acknowledges the given alarms (one, or all visible) with an optional comment.
    Q_INVOKABLE void acknowledge(const QList<int> &alarmIds, const QString &comment);
    // durationMs 0 is one-shot (until the alarm returns to normal). A reason is required: false
    // (and nothing sent) without one, or when the session may not shelve.
    Q_INVOKABLE bool shelve(int alarmId, const QString &reason, double durationMs);
    Q_INVOKABLE void unshelve(int alarmId);
    Q_INVOKABLE void setOutOfService(int alarmId, bool outOfService, const QString &comment);
    // Resets a latched alarm whose condition has returned to normal.
    Q_INVOKABLE void reset(int alarmId);
    // Silences the alarm sound (not an acknowledgement).
    Q_INVOKABLE void silence(vigil::AlarmSound *sound);

signals:
    // An operation has been carried out (or refused) by the engine; text says what happened.
    void completed(const QString &text);
    // The session changed: user name and refusals.
    void permissionsChanged();

private:
    // What the engine answered: a count (or 1/0 for a yes/no answer) and the alarms' keys.
    struct Answer {
        int count = 0;
        QString keys;
    };
    // Runs op(engine) on the engine's thread, then report(answer) here, which says what
    // happened; `audit` is completed with the answer's keys and result and recorded.
    template<typename Op, typename Report>
    void post(const QList<quint32> &ids, AuditEntry audit, Op op, Report report);
    // Whether the session holds `permission`; if not, says why, audits the refusal and false.
    bool permitted(Permission permission, const QString &action, const QString &target);
    QString refusal(Permission permission, const QString &what) const;
    void finish(const QString &text);
    AuditEntry entry(const QString &action, const QString &detail) const;

    AlarmEngine *m_engine;
    Session *m_session;
    SecurityService *m_security;
    QVariantList m_shelveChoices;
    QString m_status;
};

} // namespace vigil
