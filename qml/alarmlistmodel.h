#pragma once

#include "alarms/alarmsnapshot.h"
#include "tags/tagdirectory.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace vigil
{

// A list of alarms as the engine last reported them, for the alarm screens. The engine's
// alarmsChanged() reaches applySnapshots() queued on the GUI thread with the alarms each batch
// touched; a row is added, updated or removed depending on whether the alarm belongs to the
// selection (the alarm summary: listed alarms; the shelved list: shelved or out of service).
// Texts are formatted only when a view asks for them.
class AlarmListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmListModel is created by the application")
    Q_PROPERTY(int count READ count NOTIFY alarmsChanged)
    Q_PROPERTY(int revision READ revision NOTIFY alarmsChanged)
public:
    enum class Selection {
        Listed,                // active or unacknowledged (the alarm summary)
        ShelvedOrOutOfService, // the shelved and out-of-service list
    };
    enum Role {
        AlarmIdRole = Qt::UserRole + 1,
        KeyRole,
        PriorityRole,
        PriorityTextRole,
        ShapeRole,
        StateTextRole,
        ConditionsTextRole,
        ActiveRole,
        AcknowledgedRole,
        ShelvedRole,
        OneShotShelveRole,
        SuppressedRole,
        OutOfServiceRole,
        LatchedRole,
        ActionableRole,
        TimeRole,
        TimeTextRole,
        ClearedTimeTextRole,
        TagIdRole,
        DeviceRole,
        KindRole,
        MessageRole,
        ValueTextRole,
        LimitTextRole,
        DetailRole,
        AckUserRole,
        AckTimeTextRole,
        AckCommentRole,
        ShelveUserRole,
        ShelveReasonRole,
        ShelveUntilTextRole,
        OutOfServiceUserRole,
        CauseRole,
        ConsequenceRole,
        ActionRole,
        ResponseTimeTextRole,
        HasTrendRole,
    };
    Q_ENUM(Role)

    AlarmListModel(Selection selection, std::shared_ptr<const TagDirectory> tags,
                   QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    // Counts the batches applied, so that a binding on one alarm's details re-reads it.
    int revision() const { return m_revision; }
    const AlarmSnapshot &at(int row) const { return m_rows[row]; }
    // The row of an alarm, or -1.
    int rowOf(quint32 alarmId) const { return m_rowOf.value(alarmId, -1); }
    // Every role of one alarm by role name (empty when the alarm is not in the list).
    Q_INVOKABLE QVariantMap alarm(int alarmId) const;

    // Replaces the rows (the engine's listed() or shelvedOrOutOfService() before it runs).
    void reset(const QList<AlarmSnapshot> &alarms);

public slots:
    void applySnapshots(const QList<vigil::AlarmSnapshot> &alarms);

signals:
    // Once per reset or applied batch.
    void alarmsChanged();

private:
    bool selects(const AlarmSnapshot &alarm) const;
    void removeRow(int row);
    QString formatValue(const AlarmSnapshot &a, double value) const;
    QString valueText(const AlarmSnapshot &a) const;
    QString limitText(const AlarmSnapshot &a) const;
    QString shelveUntilText(const AlarmSnapshot &a) const;
    QVariant flagData(const AlarmFlags &f, int role) const;

    Selection m_selection;
    std::shared_ptr<const TagDirectory> m_tags;
    QList<AlarmSnapshot> m_rows;
    QHash<quint32, int> m_rowOf;
    int m_revision = 0;
};

} // namespace vigil
