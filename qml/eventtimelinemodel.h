#pragma once

#include "journal/journalreader.h"
#include "journallistmodel.h"

#include <QStringList>
#include <QVariantList>

#include <vector>

namespace vigil
{

class JournalQueryService;

// The events page's list: one timeline of system events (devices, historian, plant) and alarm
// transitions from journal.db, filtered by time range, kind, device and text, newest first,
// one page at a time.
class EventTimelineModel : public JournalListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EventTimelineModel is created by the application")
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filtersChanged)
    Q_PROPERTY(QString deviceFilter READ deviceFilter WRITE setDeviceFilter NOTIFY filtersChanged)
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)
    Q_PROPERTY(QStringList deviceChoices READ deviceChoices CONSTANT)
public:
    enum Role {
        TimeTextRole = Qt::UserRole + 1,
        IsAlarmRole,
        SeverityRole,
        SeverityTextRole,
        PriorityRole,
        PriorityTextRole,
        KindRole,
        KindTextRole,
        SourceRole,
        DeviceRole,
        TagRole,
        MessageRole,
        UserRole,
        CommentRole,
    };
    Q_ENUM(Role)

    EventTimelineModel(JournalQueryService &queries, QStringList devices, const Clock &clock,
                       QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString kindFilter() const { return m_kind; }
    QString deviceFilter() const { return m_device; }
    void setKindFilter(const QString &prefix);
    void setDeviceFilter(const QString &device);
    // The kinds offered as filters: [{text, prefix}], the first ("All") with an empty prefix.
    QVariantList kindChoices() const;
    QStringList deviceChoices() const { return m_devices; }

protected:
    void requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                     std::optional<JournalCursor> after) override;
    void clearRows() override { m_rows.clear(); }

private:
    JournalQueryService &m_queries;
    QStringList m_devices;
    std::vector<EventRow> m_rows;
    QString m_kind;
    QString m_device;
};

} // namespace vigil
