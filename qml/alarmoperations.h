#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace vigil
{

class AlarmEngine;

// The operator's actions on alarms, from the alarm screens. The engine lives on the core thread:
// every operation is posted to it (queued) with the user's name and never waits; its result comes
// back as statusText, and the changed alarms reach the lists through the engine's alarmsChanged().
class AlarmOperations : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmOperations is created by the application")
    Q_PROPERTY(QString userName READ userName CONSTANT)
    // {text, ms} for each offered shelving duration: one-shot (ms 0) and timed ones up to the
    // engine's maximum.
    Q_PROPERTY(QVariantList shelveChoices READ shelveChoices CONSTANT)
    Q_PROPERTY(QString statusText READ statusText NOTIFY completed)
public:
    AlarmOperations(AlarmEngine *engine, qint64 maxShelveMs, QObject *parent = nullptr);

    // Who the operations are recorded for.
    static QString userName();
    QVariantList shelveChoices() const { return m_shelveChoices; }
    QString statusText() const { return m_status; }

    // Acknowledges the given alarms (one, or all visible) with an optional comment.
    Q_INVOKABLE void acknowledge(const QList<int> &alarmIds, const QString &comment);
    // durationMs 0 is one-shot (until the alarm returns to normal). A reason is required: false
    // (and nothing sent) without one.
    Q_INVOKABLE bool shelve(int alarmId, const QString &reason, double durationMs);
    Q_INVOKABLE void unshelve(int alarmId);
    Q_INVOKABLE void setOutOfService(int alarmId, bool outOfService, const QString &comment);
    // Resets a latched alarm whose condition has returned to normal.
    Q_INVOKABLE void reset(int alarmId);

signals:
    // An operation has been carried out (or refused) by the engine; text says what happened.
    void completed(const QString &text);

private:
    // Runs op(engine) on the engine's thread, then report(result) here.
    template<typename Op, typename Report>
    void post(Op op, Report report);
    void finish(const QString &text);

    AlarmEngine *m_engine;
    QVariantList m_shelveChoices;
    QString m_status;
};

} // namespace vigil
