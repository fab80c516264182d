#pragma once

#include <QCoreApplication>
#include <QTranslator>

// A shipped translation (a .qm file built from translations/*.ts) installed for the lifetime of
// the object, so a test sees what an operator who chose that language reads.
class InstalledTranslation
{
public:
    explicit InstalledTranslation(const QString &qmFile)
    {
        m_installed =
            m_translator.load(qmFile) && QCoreApplication::installTranslator(&m_translator);
        if (!m_installed)
            m_error = QStringLiteral("cannot load the translation %1").arg(qmFile);
    }
    ~InstalledTranslation()
    {
        if (m_installed)
            QCoreApplication::removeTranslator(&m_translator);
    }
    InstalledTranslation(const InstalledTranslation &) = delete;
    InstalledTranslation &operator=(const InstalledTranslation &) = delete;

    bool ok() const { return m_installed; }
    const QString &error() const { return m_error; }

private:
    QTranslator m_translator;
    bool m_installed = false;
    QString m_error;
};
