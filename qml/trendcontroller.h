#pragma once

#include "history/bucketseries.h"
#include "trendpenmodel.h"
#include "trendrange.h"

#include <QColor>
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
QT_END_NAMESPACE

namespace vigil
{

class Clock;
class HistoryQueryService;
class SecurityService;
class Session;
class TagDirectory;
class TrendChart;
class TrendExporter;

// The trend page's logic: which pens, which time range (live: ending now and scrolling; or a
// historical range), zoom and pan, the cursor read-out, and export of the shown range. Each pen
// is queried off the GUI thread as about one bucket per pixel column and drawn with two points
// per bucket; a newer request supersedes a pending one. Exporting needs the session's export-data
// permission, and every export is audited (TrendExporter).
class TrendController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TrendController is created by the application")
    Q_PROPERTY(TrendPenModel *pens READ pens CONSTANT)
    Q_PROPERTY(QVariantList tagChoices READ tagChoices CONSTANT)
    Q_PROPERTY(bool live READ live NOTIFY rangeChanged)
    Q_PROPERTY(QDateTime fromTime READ fromTime NOTIFY rangeChanged)
    Q_PROPERTY(QDateTime toTime READ toTime NOTIFY rangeChanged)
    Q_PROPERTY(QString rangeText READ rangeText NOTIFY rangeChanged)
    Q_PROPERTY(QString spanText READ spanText NOTIFY rangeChanged)
    Q_PROPERTY(double spanMs READ spanMs NOTIFY rangeChanged)
    Q_PROPERTY(QString timeFormat READ timeFormat NOTIFY rangeChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(bool cursorActive READ cursorActive NOTIFY cursorChanged)
    Q_PROPERTY(double cursorFraction READ cursorFraction NOTIFY cursorChanged)
    Q_PROPERTY(QString cursorText READ cursorText NOTIFY cursorChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportChanged)
    Q_PROPERTY(double exportProgress READ exportProgress NOTIFY exportChanged)
    Q_PROPERTY(QString exportText READ exportText NOTIFY exportChanged)
    // Why the session may not export ("Log in as an operator to export"); empty when it may.
    Q_PROPERTY(QString exportRefusal READ exportRefusal NOTIFY permissionsChanged)
public:
    TrendController(HistoryQueryService &queries, std::shared_ptr<const TagDirectory> tags,
                    const Clock &clock, QString exportDirectory, QObject *parent = nullptr);
    ~TrendController() override;

    // Who may export and where exports are audited; both must outlive this object. Without a
    // session (a chart on its own in tests) exporting is not restricted and nothing is audited.
    void setSecurity(Session *session, SecurityService *security);

    TrendPenModel *pens() { return &m_pens; }
    QVariantList tagChoices() const;
    bool live() const { return m_range.live(); }
    QDateTime fromTime() const;
    QDateTime toTime() const;
    QString rangeText() const;
    QString spanText() const;
    double spanMs() const { return double(m_range.span()); }
    QString timeFormat() const;
    bool busy() const { return m_pending > 0; }
    QString statusText() const { return m_status; }
    bool cursorActive() const { return m_cursor.has_value(); }
    double cursorFraction() const { return m_cursor.value_or(0.0); }
    QString cursorText() const;
    bool exporting() const;
    double exportProgress() const;
    QString exportText() const;
    QString exportRefusal() const;

    Q_INVOKABLE void attachChart(QObject *chartView, QObject *timeAxis);
    // Pen colours (not alarm colours) and the alarm priority colours for limit lines, from Theme.
    Q_INVOKABLE void setPalette(const QVariantList &penColors, const QVariantMap &alarmColors);
    Q_INVOKABLE bool addPen(const QString &tagId);
    Q_INVOKABLE void removePen(int index);
    Q_INVOKABLE void togglePen(int index);
    Q_INVOKABLE void focusPen(int index);
    Q_INVOKABLE void setPlotWidth(int pixels);
    // Zooms the time axis by `factor` (< 1 in) around `anchor` (0 left .. 1 right).
    Q_INVOKABLE void zoom(double factor, double anchor);
    // Moves the range by a fraction of its width (positive: later); leaves live mode.
    Q_INVOKABLE void pan(double fraction);
    Q_INVOKABLE void setSpan(double ms);
    Q_INVOKABLE void goLive();
    // Jump to a range typed by the operator ("2024-01-05 13:00", "-2h", "now"); false if
    // unreadable.
    Q_INVOKABLE bool showRange(const QString &from, const QString &to);
    Q_INVOKABLE void setCursor(double fraction);
    Q_INVOKABLE void clearCursor();
    Q_INVOKABLE void exportShown(const QString &profile);
    Q_INVOKABLE void cancelExport();

    // For tests: the latest points handed to a pen's series.
    qsizetype shownPoints(int pen) const;

signals:
    void rangeChanged();
    void busyChanged();
    void statusChanged();
    void cursorChanged();
    void exportChanged();
    void permissionsChanged();

private:
    struct PenData {
        std::optional<BucketSeries> series;
        qsizetype points = 0;
        qint64 generation = -1;
    };
    void rangeUpdated(bool changed, bool query = true);
    void requery();
    void onResult(int pen, qint64 generation, const BucketSeries &series, double ms);
    void updateReadings();
    void setStatus(const QString &text);
    QColor penColor(int index) const;

    HistoryQueryService &m_queries;
    std::shared_ptr<const TagDirectory> m_tags;
    const Clock &m_clock;
    TrendPenModel m_pens;
    std::unique_ptr<TrendChart> m_chart;
    std::unique_ptr<TrendExporter> m_export;
    std::vector<PenData> m_data;
    QList<QColor> m_penColors;
    QVariantMap m_alarmColors;
    QTimer m_liveTimer;
    TrendRange m_range;
    int m_plotWidth = 800;
    qint64 m_generation = 0;
    qint64 m_lastLiveQuery = 0;
    struct Batch {
        qsizetype points = 0;
        double ms = 0.0;
        int source = 0;
    } m_batch;
    int m_pending = 0;
    bool m_dirty = false;
    std::optional<double> m_cursor;
    QString m_status;
};

} // namespace vigil
