#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

namespace vigil
{

class HistoryTailSource;
class SecurityService;
class Session;
class TagDirectory;
class TrendExportJob;

// The trend page's CSV export of the shown range: whether the session may export (its
// export-data permission, with the reason when not), the job on its own thread, its progress and
// outcome as text in the UI language, and the audit of every export, refused ones included.
class TrendExporter : public QObject
{
    Q_OBJECT
public:
    TrendExporter(QString url, const HistoryTailSource *tail,
                  std::shared_ptr<const TagDirectory> tags, QString directory,
                  QObject *parent = nullptr);
    ~TrendExporter() override;

    // Who may export and where exports are audited; both must outlive this object. Without a
    // session (a chart on its own in tests) exporting is not restricted and nothing is audited.
    void setSecurity(Session *session, SecurityService *security);

    bool running() const;
    double progress() const { return m_progress; }
    QString text() const { return m_text; }
    // Why the session may not export ("Log in as an operator to export"); empty when it may.
    QString refusal() const;

    // Exports `tags` from `from` to `to` (ms, inclusive) with the profile named ("machine" or
    // "spreadsheet") to a file named after `nowMs`; refused (and audited) without the permission.
    void start(const QStringList &tags, qint64 from, qint64 to, const QString &profile,
               qint64 nowMs);
    void cancel();

signals:
    void changed();            // running, progress or text
    void permissionsChanged(); // the session changed: refusal()

private:
    void setState(double progress, const QString &text);

    std::unique_ptr<TrendExportJob> m_job;
    QString m_directory;
    Session *m_session = nullptr;
    SecurityService *m_security = nullptr;
    double m_progress = 0.0;
    QString m_text;
};

} // namespace vigil
