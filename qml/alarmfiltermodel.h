#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

class AlarmListModel;

// The alarm summary's view of the listed alarms: sorted by time, priority, tag, state or message,
// and filtered by priority and by text (every word of filterText must appear in the tag, device,
// message, kind, priority or state). "Acknowledge all visible" acts on exactly what passes.
class AlarmFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmFilterModel is created by the application")
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY viewChanged)
    // Bit (1 << priority) set for each shown priority (Low = 1 ... Critical = 4).
    Q_PROPERTY(int priorities READ priorities WRITE setPriorities NOTIFY viewChanged)
    Q_PROPERTY(QString sortKey READ sortKey NOTIFY viewChanged)
    Q_PROPERTY(bool ascending READ ascending NOTIFY viewChanged)
    Q_PROPERTY(int count READ count NOTIFY viewChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY viewChanged)
    Q_PROPERTY(int unacknowledgedCount READ unacknowledgedCount NOTIFY viewChanged)
    Q_PROPERTY(int revision READ revision NOTIFY viewChanged)
public:
    static constexpr int kAllPriorities = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4);

    explicit AlarmFilterModel(AlarmListModel *source, QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int priorities() const { return m_priorities; }
    void setPriorities(int mask);
    QString sortKey() const { return m_sortKey; }
    bool ascending() const { return m_ascending; }
    int count() const { return rowCount(); }
    int totalCount() const;
    // Visible alarms that are unacknowledged and actionable (what "acknowledge all" acts on).
    int unacknowledgedCount() const;
    int revision() const;

    // Shows or hides one priority (1 low ... 4 critical).
    Q_INVOKABLE void togglePriority(int priority);
    // Sorts by time, priority, tagId, state or message. Choosing the current key again reverses
    // the order; time and priority start with the newest and the most urgent.
    Q_INVOKABLE void sortBy(const QString &key);
    // The ids of the visible alarms, in the shown order.
    Q_INVOKABLE QList<int> visibleIds() const;
    // Every role of one alarm (see AlarmListModel::alarm), visible or not.
    Q_INVOKABLE QVariantMap alarm(int alarmId) const;

signals:
    void viewChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    AlarmListModel *m_source;
    QString m_filterText;
    QStringList m_words;
    int m_priorities = kAllPriorities;
    QString m_sortKey;
    bool m_ascending = false;
};

} // namespace vigil
