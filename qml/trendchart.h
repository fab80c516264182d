#pragma once

#include <QColor>
#include <QList>
#include <QObject>
#include <QPointer>

#include <vector>

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QValueAxis>
#include <QtCharts/QXYSeries>

QT_BEGIN_NAMESPACE
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace vigil
{

struct TagDefinition;
struct TrendSegments;

// The series of a trend on a QML ChartView: per pen a value axis (only the focused pen's scale is
// shown), a few line series for the segments between gaps, and dashed lines for its alarm
// limits. Series are created through the ChartView's own createSeries() and filled with
// QXYSeries::replace(), never point by point.
class TrendChart : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSegmentsPerPen = 12;

    struct Limit {
        double value;
        QColor color;
        QString label;
    };

    explicit TrendChart(QObject *parent = nullptr);
    ~TrendChart() override;

    // chartView: the ChartView item; timeAxis: its DateTimeAxis.
    bool attach(QObject *chartView, QAbstractAxis *timeAxis);
    bool isAttached() const { return m_chart && m_timeAxis; }

    void addPen(const TagDefinition &tag, const QColor &color, const QList<Limit> &limits);
    void removePen(int index);
    void setPenVisible(int index, bool visible);
    void setFocused(int index);
    void show(int index, const TrendSegments &segments, qint64 from, qint64 to);

private:
    struct Pen {
        const TagDefinition *tag = nullptr;
        QColor color;
        QList<Limit> limits;
        bool visible = true;
        // The chart owns these once added; they go with the ChartView if it is destroyed first.
        QPointer<QValueAxis> axis;
        std::vector<QPointer<QXYSeries>> segments;
        std::vector<QPointer<QXYSeries>> limitLines;
    };
    void createSeries(Pen &pen);
    void destroySeries(Pen &pen);
    QXYSeries *createLine(const QString &name, QValueAxis *axis);

    QPointer<QObject> m_chart;
    QPointer<QAbstractAxis> m_timeAxis;
    std::vector<Pen> m_pens;
    int m_focused = 0;
};

} // namespace vigil
