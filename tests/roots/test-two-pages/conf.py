from root_conf import project_settings

globals().update(project_settings("Two pages", "twopages", extensions=()))
